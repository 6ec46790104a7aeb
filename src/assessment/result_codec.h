// The stored forms of a period's snapshot and results: JSON, in one canonical order (object keys
// in a fixed order, numbers in shortest round-trip form), so that the SHA-256 of a results
// document is a fingerprint of every figure in it and a recomputation from the snapshot gives the
// same text bit for bit. The API answers use the same per-assessee and per-node objects.
#pragma once

#include <string>

#include <boost/json.hpp>

#include "assessment/period_rules.h"
#include "base/result.h"

namespace sqm::assessment {

boost::json::value SnapshotToJson(const Snapshot& s);
// kInternal when the stored text does not read (a corrupt row).
Result<Snapshot> SnapshotFromJson(const boost::json::value& v);

// A figure: the number, or null (with "no_data": true beside it where the object has room).
boost::json::value FigureJson(const Figure& f);

// One assessee's row of the results table (no nodes).
boost::json::object ResultRowJson(const AssesseeResult& r);
// The row with its nodes.
boost::json::object ResultDetailJson(const AssesseeResult& r);
// The whole results document: {"items": [detail, ...]}.
boost::json::value ResultsJson(const PeriodResults& results);

// The lower-case hex SHA-256 of the canonical results text.
std::string ResultsSha256(const PeriodResults& results);

}  // namespace sqm::assessment
