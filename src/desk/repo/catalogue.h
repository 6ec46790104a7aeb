// SQL of the customers and the service catalogue (categories).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "desk/import/directory.h"
#include "desk/model.h"
#include "storage/db.h"

namespace sqm::desk::repo {

using storage::Connection;

// ---- customers ----
// `q` matches a name (any case), and with `q_contact` also an e-mail (any case) or a phone, in part.
std::vector<Customer> ListCustomers(Connection& db, const std::optional<std::string>& q, bool q_contact, int limit,
                                    std::optional<Id> after_id);
std::optional<Customer> FindCustomer(Connection& db, Id id);
std::optional<Customer> FindCustomerByAccount(Connection& db, Id account_id);
// Returns the new id.
Result<Id> InsertCustomer(Connection& db, const Customer& customer, TimeMs at);

// ---- categories ----
std::vector<Category> ListCategories(Connection& db);
std::optional<Category> FindCategory(Connection& db, Id id);
// Root first, `id` last; empty when unknown.
std::vector<Id> CategoryPath(Connection& db, Id id);
// Whether an active category other than `self` under `parent` (nullopt: the top) has this name.
bool ActiveNameTaken(Connection& db, std::optional<Id> parent, const std::string& name, Id self);
bool HasActiveChild(Connection& db, Id id);
// Returns the new id.
Result<Id> InsertCategory(Connection& db, std::optional<Id> parent, const std::string& name);
Status SaveCategory(Connection& db, const Category& category);

// What an import checks names against and an export writes names from: categories, departments
// and staff, and the customers when asked (an export writes customer ids and names as listed).
import::Directory LoadDirectory(Connection& db, bool with_customers);

}  // namespace sqm::desk::repo
