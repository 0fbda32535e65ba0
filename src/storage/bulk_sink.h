#pragma once
// app::BulkSink on the native drivers (a measured hot path, STACK.md): prepared statements reused
// inside one transaction on SQLite, COPY … FROM STDIN on PostgreSQL.
#include <memory>

#include "app/ports.h"
#include "storage/connection_pool.h"

namespace tdkt::storage {

std::unique_ptr<app::BulkSink> OpenBulkSink(ConnectionPool& pool);

}  // namespace tdkt::storage
