// Users keyed in UserPrincipalName order: the key a new user gets, and the renumbering of older stores.
//
// Everything that walks users does so by UPN (Get-User pages, a CSV exported from it), and the
// tables holding users' rows (assignments, memberships) are keyed by the user's key. When the key
// follows the UPN, a bulk change writes runs of neighbouring pages; with keys in creation order it
// dirtied pages all over those tables in every commit (31.7 GB written for a million users).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/sqlite_db.h"

namespace plush::store {

// Keys are spaced out so that users added later fit between their UPN neighbours.
inline constexpr int64_t kFirstUserKey = int64_t{1} << 40;
inline constexpr int64_t kUserKeySpacing = int64_t{1} << 32;

// The key for a new user with this UPN: between its neighbours' keys in UPN order while there is
// room, else none (SQLite then picks the next free rowid: the user is out of order, nothing worse).
std::optional<int64_t> keyForNewUser(Database& db, const std::string& upn);
// The arithmetic of it, given the keys of the users just below and above in UPN order (the
// PostgreSQL store keys its users the same way, so that both list members in the same order).
std::optional<int64_t> keyBetween(std::optional<int64_t> below, std::optional<int64_t> above);

// Schema step: gives every user kFirstUserKey + rank * kUserKeySpacing by UPN, in the users table
// and in every table whose foreign key names users(pk); rows are rewritten in key order.
void renumberUsersByUpn(Database& db);

}  // namespace plush::store
