// Pure service-desk rules: the ticket lifecycle (which action is allowed in which state and where
// it leads), registration requirements per ticket type, and send-back detection.
//
//   new ──accept/respond──▶ accepted ──start──▶ in_progress ◀──resume── waiting_customer
//    │                        │  ▲                 │   ▲ └──wait──────────────▲
//    │                        └──┼──────wait───────┼───┼──────────────────────┘
//    └─transfer (stays new)      │                 │   │
//                              resolve ◀───────────┘   reopen (also "not resolved" at callback)
//                                ▼                     │
//                             resolved ──callback──▶ callback_done ──close──▶ closed
//
// cancel and merge end any open ticket; comment is allowed in every state.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "desk/model.h"

namespace sqm::desk {

// Length limits, in characters, of what people write; the API, the import and the registration
// form (GET /api/v1/desk/ticket-form) take them from here.
inline constexpr std::size_t kMaxTitle = 200;
inline constexpr std::size_t kMaxText = 20000;  // descriptions, notes, replies, findings, remedies
inline constexpr std::size_t kMaxExternalId = 100;
inline constexpr std::size_t kMaxName = 100;  // customers and categories
inline constexpr std::size_t kMaxPhone = 40;
inline constexpr std::size_t kMaxEmail = 200;
inline constexpr std::size_t kMaxTier = 40;
inline constexpr std::size_t kMaxShortText = 200;  // how a complaint's outcome was communicated

// The actions allowed in `status`, in display order.
std::vector<Action> AllowedActions(TicketStatus status);

// The state after `action`, or kConflict naming the current state and what is allowed.
// `callback_resolved` is needed for kCallback: kNotResolved reopens the ticket.
Result<TicketStatus> Next(TicketStatus status, Action action,
                          std::optional<CallbackResolved> callback_resolved = std::nullopt);

bool IsOpen(TicketStatus status);  // not resolved, callback_done, closed, cancelled or merged

// Complaints, incidents and service requests need a customer; incidents and requests a
// category; complaints and incidents a description. Field names match the API.
Status CheckRegistration(const Registration& r);

// A transfer back to the department the ticket came from is a send-back (回退).
// `history` lists earlier transfers, oldest first, as (from, to) department pairs.
bool IsSendBack(std::optional<Id> from_department, Id to_department,
                const std::vector<std::pair<std::optional<Id>, Id>>& history);

std::string TicketNumber(Id id);  // "T000042"

}  // namespace sqm::desk
