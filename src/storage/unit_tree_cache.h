#pragma once
// Every unit and every succession, kept in memory between transactions. Working out what a user may
// see reads the whole tree on every request (app::VisibleUnits); on PostgreSQL reading 3,436 units
// took about 9 ms of a 27 ms people search. Triggers change `unit_tree_version` whenever units or
// unit_lineage change (migration 4); a transaction reads that one row and uses the tree kept here
// when it was read at the same version. Shared by all connections of one SqlStore.
#include <memory>
#include <mutex>
#include <vector>

#include "app/ports.h"

namespace tdkt::storage {

class UnitTreeCache {
  public:
    struct Tree {
        long long version = 0;
        std::vector<app::UnitRecord> units;     // ordered by id
        std::vector<app::LineageLink> lineage;  // ordered by effective date
    };

    // The tree read at `version`, or null when none is kept for it.
    std::shared_ptr<const Tree> Get(long long version) const {
        std::lock_guard lock(mutex_);
        return tree_ && tree_->version == version ? tree_ : nullptr;
    }
    void Put(std::shared_ptr<const Tree> tree) {
        std::lock_guard lock(mutex_);
        tree_ = std::move(tree);
    }

  private:
    mutable std::mutex mutex_;
    std::shared_ptr<const Tree> tree_;
};

}  // namespace tdkt::storage
