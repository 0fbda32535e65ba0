# tdkt_embed(TARGET NAME BASE_DIR FILES...) compiles the files' text into TARGET, so the binary
# carries its migrations and templates and needs no data directory beside it. Generated API:
#   std::string_view tdkt::embedded::NAME(std::string_view relative_path)  // "" when unknown
#   std::vector<std::string> tdkt::embedded::NAME_list()                   // sorted paths
function(tdkt_embed target name base_dir)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${name}_embedded.cpp")
  string(REPLACE ";" "|" files "${ARGN}")  # a list would be split into separate command arguments
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} "-DOUT=${out}" "-DNAME=${name}" "-DBASE=${base_dir}" "-DFILES=${files}"
            -P "${PROJECT_SOURCE_DIR}/cmake/EmbedGen.cmake"
    DEPENDS ${ARGN} "${PROJECT_SOURCE_DIR}/cmake/EmbedGen.cmake"
    COMMENT "Embedding ${name}" VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
