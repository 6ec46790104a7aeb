// Generated from docs/openapi.yaml by web/scripts/gen-api.mjs (npm run gen:api). Do not edit;
// change the spec and regenerate. tests/api-types.test.mjs fails when this file is stale.
/* eslint-disable */
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health check
         * @description Reports whether the server can read its database. Needs no credentials; meant for load balancers and probes.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Metrics in the Prometheus text format: `sqm_http_requests_total{route,status}`,
         *     `sqm_http_request_duration_seconds` (histogram by route), `sqm_db_write_queue_depth`,
         *     `sqm_db_commits_total`, and the allocator's `sqm_heap_in_use_bytes` (live allocations) and
         *     `sqm_heap_free_bytes` (freed, kept in the allocator's arenas), and `sqm_sqlite_memory_bytes`
         *     (page caches and prepared statements of every SQLite connection). Routes are labelled by
         *     pattern, never by raw path. The analytics engine (unless `--analytics false`):
         *     `sqm_analytics_ready` (0 until its first rebuild), `sqm_analytics_subjects`, `_measures`,
         *     `_partials`, `_bytes` (the store and the ledger), `_facts_tracked`, `_bytes_per_fact` (the
         *     ledger's), `_last_sequence` (the last event applied), `_events_applied_total`,
         *     `_rebuilds_total`, `_fallback_rebuilds_total` (of which for doubt: an unknown entity, the
         *     department tree, a new measure, a gap) and `_rebuild_seconds` (the last).
         *
         *     Answered only to callers on the loopback interface that did not come through a proxy (no
         *     `Forwarded`, `X-Forwarded-For` or `X-Real-IP` header), and, when the server runs with
         *     `--metrics-token TOKEN`, to any caller sending `Authorization: Bearer TOKEN`. Others get 403.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events
         * @description The audit event log, newest first. Every write appends an event in the same transaction
         *     as its state change; each event carries the hash of its predecessor (`sqm verify-audit`
         *     checks the chain). Filters combine with AND. Page with `cursor` (the `seq` below which to
         *     continue) and `limit`.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description Checks the username (case-insensitive) and password and starts a session: sets the
         *     `sqm_session` cookie (HttpOnly, SameSite=Lax, Path=/, Secure behind TLS) and returns the
         *     user with the session's CSRF token. A wrong password and an unknown user get the same 401.
         *     After 5 failed attempts for one account (or 20 from one address) within 15 minutes,
         *     sign-in answers 429 until the window passes, even with the right password.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Ends the current session and clears the cookie. With a bearer token there is no session, and this does nothing. Send no body, or `{}`.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user
         * @description The caller's own staff record with the effective permissions and, for a cookie session, the CSRF token to send on writes.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change my password
         * @description Changes the caller's password after checking the current one. The new password follows the
         *     password policy (12 to 128 characters of any kind; not a common password or one built on
         *     it; not a short pattern repeated; without the username or name; see `docs/security.md`)
         *     and must differ from the current one. Every other session of the account ends; the
         *     current one stays. Five wrong current passwords within 15 minutes lock the check for the
         *     account (429 with `Retry-After`), like sign-in. Every problem is answered at once (`errors`).
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Roles and their permissions
         * @description Every role with the permissions it grants. Not paged.
         */
        get: operations["listRoles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List departments
         * @description Every department the caller may see (their scope), roots first. Not paged; `next_cursor` is always null.
         */
        get: operations["listDepartments"];
        put?: never;
        /**
         * Create a department
         * @description Creates a department, optionally under an active parent. The code, when given, must be unique. The whole form is checked and every problem answered at once in `errors` (the first one decides the status).
         */
        post: operations["createDepartment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Get a department
         * @description One department. A department outside the caller's scope is a 403.
         */
        get: operations["getDepartment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a department
         * @description Renames, re-codes, moves or (de)activates a department; absent fields stay. A department
         *     cannot move into itself or its own subtree (400 on `parent_id`), cannot be deactivated
         *     while it has active sub-departments or staff (409 on `active`), and cannot be reactivated
         *     under a deactivated parent.
         */
        patch: operations["updateDepartment"];
        trace?: never;
    };
    "/api/v1/directory/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Departments for pickers
         * @description Every active department with its id, code, name and parent, for the transfer, escalation and filter pickers of anyone who handles tickets. Not limited to the caller's scope (a ticket may go to any department) and without staff counts or history; `GET /api/v1/departments` (org.read) has those.
         */
        get: operations["directoryDepartments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find a colleague for a picker
         * @description Active staff (never customer portal accounts) whose username or name contains `q` (never e-mail or phone), optionally in one department, by id, at most `limit`. Answers names and departments only, never contact details, roles or scopes; not limited to the caller's scope (assign and escalate may cross departments).
         */
        get: operations["directoryStaff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List staff
         * @description Staff in the caller's scope, by id, paged. Filters combine with AND and never widen the scope.
         */
        get: operations["listStaff"];
        put?: never;
        /**
         * Create a staff account
         * @description Creates an account. Staff need an active department; accounts whose roles are only
         *     `customer` and/or `evaluator` may have none. `scope_department_ids` gives an evaluator the
         *     departments (with their subtrees) they may see. The username is unique, case-insensitive
         *     (409 on `username`); the password follows the password policy (400 on `password`). The whole
         *     form is checked and every problem answered at once in `errors` (the first one decides the status).
         */
        post: operations["createStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Get a staff account
         * @description One person. Callers may always read their own record; other people outside the caller's departments are a 403.
         */
        get: operations["getStaff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a staff account
         * @description Changes fields of an account; absent fields stay. `roles` and `scope_department_ids`
         *     replace the whole list. Setting `password` (an administrator's reset) or `active: false`
         *     ends all of the account's sessions. Nobody can deactivate themselves or remove their own
         *     admin role.
         */
        patch: operations["updateStaff"];
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API tokens
         * @description Every API token, newest first, including revoked and expired ones. Never includes the secret. Not paged.
         */
        get: operations["listTokens"];
        put?: never;
        /**
         * Create an API token
         * @description Creates a bearer token for an active account (the caller by default). Each scope must be a
         *     permission the account holds; requests with the token get only those permissions. The
         *     secret is in the answer's `token` field and is shown only this once.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API token
         * @description Revokes a token at once; requests with it get 401 from then on. Revoking an unknown or already revoked token is a 404.
         */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tickets
         * @description Tickets the caller may see, newest first unless `sort` says otherwise. Staff who do not see
         *     everything see the tickets of their departments (managers: with the sub-departments;
         *     evaluators: their assigned departments), tickets that left one of those departments by a
         *     transfer, tickets assigned to or registered by themselves, and the intake queue (tickets with
         *     no department). Filters combine with AND and never widen that scope. A bad filter value is a
         *     400 whose `field` names the query parameter. `cursor` is the offset of the next page, as given
         *     in `next_cursor` (which is set whenever a page came back full).
         */
        get: operations["listTickets"];
        put?: never;
        /**
         * Register a ticket
         * @description Registers a consultation, service request, incident, complaint or suggestion taken by phone,
         *     e-mail, chat, walk-in or an integration. What a type needs: `request`, `incident` and
         *     `complaint` need `customer_id`; `request` and `incident` need a `category_id`; `incident`
         *     and `complaint` need a `description`; a `complaint` needs the `complaint` object with its
         *     `category` (400 on `complaint.category`). A missing or wrong field is a 400 naming it.
         *
         *     The ticket goes to `department_id`, or else the caller's department; with an `assignee_id`
         *     it starts `accepted`, else `new`. The matching SLA policy is applied and its timers start.
         *     The answer carries `possible_duplicates`: open tickets of the same customer (and category)
         *     registered in the last 7 days, so the agent can merge instead.
         */
        post: operations["createTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/desk/ticket-form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the registration form requires
         * @description The desk's registration rules, so a form does not restate them: for each ticket type the
         *     fields a registration of that type must carry (API field names; `complaint.category` is the
         *     category inside the `complaint` object; `type` and `channel` are always required), and the
         *     length limits of the text fields in characters. Registration itself is `POST /api/v1/tickets`.
         *     The customer portal reads the same answer from `GET /api/v1/portal/ticket-form`.
         */
        get: operations["getTicketForm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Possible duplicates before registering
         * @description Open tickets (new, accepted, in progress, waiting for the customer) of a customer registered
         *     in the last 7 days, newest first, at most 5; with `category_id`, only those of that category.
         *     Meant for the registration form, before the ticket is saved. Not paged.
         */
        get: operations["findDuplicateTickets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import tickets from a CSV or XLSX file
         * @description Starts importing historical or external tickets from the file sent as the body (the format
         *     is in `docs/import.md`: bilingual headers, times in the business time zone unless they
         *     carry an offset). Answers 202 at once with a job to poll at `Location`. The job first checks every
         *     row and reports every problem with its line, column and reason (`status: failed`, nothing
         *     written); a file without problems is applied in one transaction, each ticket replayed through
         *     the desk at its historical instants, so SLA timers are met or breached as if the tickets had
         *     been worked live. Rows may only target departments the caller may work on. The outcome is
         *     also recorded as an `import.completed` or `import.failed` event. At most two imports run at
         *     once (429). The file may be up to 200 MiB (413 beyond, answered from the headers before the
         *     body is read) and hold at most 100,000 data rows (`sqm serve --import-max-rows`): a file with
         *     more fails as soon as the row after the limit is read, with the one error
         *     `import.too_many_rows` (line 0, args `limit`) and nothing written. Credentials, CSRF token, permission and Content-Type are checked before the
         *     body is read, too. The upload must keep coming: after 10 s it must average at least
         *     16 KiB/s, pause at most 30 s, and end within 10 minutes (408 otherwise).
         */
        post: operations["startTicketImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Progress and outcome of an import
         * @description The job as it is now: `validating` (`total` counts the rows read so far), `applying`
         *     (`done` of `total` rows replayed), then `done` or `failed` with the errors (at most 1,000
         *     listed; `error_count` counts all; `line` 0 is the file as a whole). Only the caller who
         *     started the job sees it (404 for anyone else). Jobs are stored in the database, so every
         *     server on it answers: the server that runs the job with its live progress, the others with
         *     the progress last written (while the job applies, they show `applying` with `done` 0 until it
         *     commits). A job whose server stopped before it finished (no sign of life for 2 minutes; while
         *     applying, plus 10 ms per row) is `failed` with the key `import.server_lost`: nothing of it
         *     was written.
         */
        get: operations["getTicketImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create tickets in bulk (NDJSON, for integrations)
         * @description One JSON object per line (`application/x-ndjson`), at most 10,000 lines and 16 MiB; blank lines are
         *     skipped but keep their numbers. Each object has the import columns by their English names
         *     (`type`, `channel`, `priority`, `title`, `description`, `customer`, `category`,
         *     `department`, `assignee`, `created_at`, `first_response_at`, `resolved_at`, `callback_at`,
         *     `callback_resolved`, `satisfaction`, `closed_at`, `external_id`, `complaint_category`) and
         *     the fields of `POST /api/v1/tickets` (`customer_id`, `category_id`, `department_id`,
         *     `assignee_id`, `complaint`). `created_at` defaults to now; with historical times the ticket
         *     is replayed like an import. All or nothing: any bad line is a 400 listing every problem as
         *     `{line, field, reason}` and nothing is written. Answered after the commit.
         *
         *     With an `Idempotency-Key` (handled as for every write, kept 24 hours), the key, a hash of the
         *     request and the reply are stored in the same transaction as the tickets: the same key and
         *     request again replays the stored reply (same status and body, header
         *     `Idempotent-Replayed: true`) without writing anything; the same key with another request is
         *     a 409 on `Idempotency-Key`. A refused request does not use its key up.
         */
        post: operations["bulkCreateTickets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the ticket list as CSV or XLSX
         * @description Every ticket the caller may see that matches the filters of `GET /api/v1/tickets` (same
         *     names, same scoping), in id order, as a download (`Content-Disposition: attachment;
         *     filename="tickets-YYYYMMDD.csv"`). The columns are the import columns (so the file imports
         *     again) plus `customer_name` and `status`. CSV: UTF-8 with a byte order mark, CRLF,
         *     ISO-8601 times with the business time zone's offset. XLSX: real Excel date-times in that zone. At most 1,048,575
         *     tickets (400 on `format` beyond: narrow the filters). `X-Total-Count` says how many rows.
         */
        get: operations["exportTickets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the ticket import template (CSV or XLSX)
         * @description A file to fill in for `POST /api/v1/tickets/imports`: the export's header row in the chosen
         *     language (`类型, 渠道, …` or `type, channel, …`) and one example row, a consultation that
         *     imports into any organisation as it is (docs/import.md). As a download
         *     (`Content-Disposition: attachment; filename="ticket-import-template-zh-CN-YYYYMMDD.csv"`).
         *     Needs the permission of the import itself.
         */
        get: operations["getImportTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Get a ticket with its history
         * @description Everything the ticket page shows: the ticket, all comments (public replies and internal
         *     notes), the timeline (the ticket's audit events, oldest first), the actions allowed in its
         *     current status, its SLA timers with their state at the time of the request, its callbacks
         *     and, for a complaint, the complaint record. A ticket outside the caller's scope is a 403.
         */
        get: operations["getTicket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
                /** @description What to do. Any other name is a 404. */
                action: components["schemas"]["TicketActionName"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a ticket through its lifecycle
         * @description Applies one action to a ticket, with its SLA timers, as one audited change
         *     (`ticket.<action>` event). Each action is allowed in some statuses only (`allowed_actions`
         *     in `GET /api/v1/tickets/{id}`); anything else is a 409 whose message names the current
         *     status and lists the allowed actions, e.g. `cannot close a ticket that is new; allowed:
         *     accept, respond, ...`. The body is optional; the fields each action reads:
         *
         *     | action | effect | needs |
         *     |---|---|---|
         *     | `accept` | new → accepted (受理); takes the ticket when nobody has it; stops the hand-over timer | — |
         *     | `respond` | first response to the customer (public reply); new → accepted | `note` |
         *     | `start` | accepted → in_progress | — |
         *     | `wait` | → waiting_customer; every running timer pauses | — |
         *     | `resume` | waiting_customer → in_progress; timers run again | — |
         *     | `resolve` | → resolved; stops the resolution timer, opens a callback (回访) with its due time | optional `note` (public) |
         *     | `callback` | records the callback. `reached: false` is an attempt (stays resolved); `resolved: not_resolved` reopens (in_progress), else → callback_done | `reached`, `resolved` when reached; optional `satisfaction`, `note` |
         *     | `close` | callback_done → closed | — |
         *     | `reopen` | resolved, callback_done or closed → in_progress; the resolution timer starts again | `note` (why) |
         *     | `cancel` | any open status → cancelled; timers stop | `note` (reason) |
         *     | `merge` | → merged into another open or resolved ticket | `merge_into` |
         *     | `transfer` | to another department (→ new, or accepted with `assignee_id`); a hand-over timer starts; the department's managers (or the assignee) are notified; back to where it came from counts as a send-back (回退) | `department_id`, `note` (reason); optional `assignee_id` |
         *     | `escalate` | `escalation: technical` transfers like `transfer`, marked as escalation; `escalation: manager` notifies the department's managers, no transfer | `escalation`; for technical also `department_id`, `note` |
         *     | `assign` | sets the assignee (notified) | `assignee_id` |
         *     | `comment` | adds a public reply or, with `internal: true`, an internal note the customer never sees; allowed in every status | `note` |
         */
        post: operations["actOnTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/sla/reapply": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-apply the current SLA policy to a ticket
         * @description Running timers keep the policy version they started with. This moves the ticket's open timers
         *     to the policy (and version) that matches the ticket now, stores it on the ticket and records a
         *     `ticket.sla_reapplied` event with the old and new policy.
         */
        post: operations["reapplyTicketSla"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/complaint": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Record the handling of a complaint
         * @description Changes the complaint record of a complaint ticket: classification, whom it is about, the
         *     person responsible (notified) and the deadline, the investigation findings, whether it was
         *     substantiated, the remedy, and when and how the outcome was communicated to the customer.
         *     Absent fields stay; `null` clears a nullable one. A ticket that is not a complaint is a 400
         *     on `ticket`.
         */
        patch: operations["updateComplaint"];
        trace?: never;
    };
    "/api/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find customers
         * @description Customers (people and organisations) by id, paged; `q` narrows to names containing the text (case-insensitive), and for callers with `customer.write` also to e-mail addresses or phone numbers containing it. Contact details are need-to-know (docs/security.md) - only callers with `customer.write` get phone and e-mail unmasked here (`138****0001`, `z***@example.com`, `contact_masked` true for the others). `cursor` is the id after which to continue.
         */
        get: operations["listCustomers"];
        put?: never;
        /**
         * Create a customer
         * @description Creates a person or an organisation. A person may belong to an organisation
         *     (`organisation_id`, which must be a customer of kind `organisation`) and inherits its tier
         *     for SLA matching when their own is `standard`. `account_id` links a portal login (an account
         *     with the customer role); one account belongs to at most one customer (409 on `account_id`).
         */
        post: operations["createCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Get a customer
         * @description One customer record. Phone and e-mail are unmasked for callers with `customer.write`, and for other ticket handlers (`ticket.write`) who may see one of the customer's tickets; masked (`contact_masked` true) otherwise (docs/security.md).
         */
        get: operations["getCustomer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The service catalogue
         * @description Every ticket category (a tree through `parent_id`), roots first, including inactive ones. Any signed-in caller may read it (the portal uses it too). Not paged; `next_cursor` is always null.
         */
        get: operations["listTicketCategories"];
        put?: never;
        /**
         * Add a category
         * @description Adds a category to the service catalogue, at the top or under an existing `parent_id` (400 on `parent_id` when there is none).
         */
        post: operations["createTicketCategory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename, move or (de)activate a category
         * @description Changes what the body names; absent fields stay. `parent_id: null` moves the category to the top level. Refused with 409 on `parent_id` for a move into the category itself or one of its subcategories, on `name` when an active sibling already has the name, and on `active` when deactivating a category that still has active subcategories; 400 on `parent_id` for a missing or inactive parent. Existing tickets keep their category; an inactive one is no longer offered for new tickets or imports. Recorded as a `category.updated` event.
         */
        patch: operations["updateTicketCategory"];
        trace?: never;
    };
    "/api/v1/portal/ticket-form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the portal's request form requires (customer portal)
         * @description The same answer as `GET /api/v1/desk/ticket-form`, for the portal's form: the fields each
         *     ticket type requires and the text limits. The portal fills `customer_id` and `channel` itself.
         */
        get: operations["getPortalTicketForm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My requests (customer portal)
         * @description The caller's own tickets (of the customer record linked to the account), newest first, at most 200. An account linked to no customer gets a 403. Not paged; `next_cursor` is null. Portal answers leave out the SLA fields (`sla_policy_id`, `sla_policy_version`, `sla_policy_name`, `sla_summary`, `sla_state`) of the ticket schema, here and in the other portal routes.
         */
        get: operations["listPortalTickets"];
        put?: never;
        /**
         * Submit a request or complaint (customer portal)
         * @description Registers a ticket for the caller's customer record through the `portal` channel, into the
         *     intake queue (no department, nobody assigned). The type-specific rules of
         *     `POST /api/v1/tickets` apply. Customers cannot choose the channel, department or assignee,
         *     nor a complaint's responsible person or deadline (those fields are unknown here: 400).
         */
        post: operations["createPortalTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * One of my requests (customer portal)
         * @description The ticket with its public replies and a timeline of what happened (event types and times
         *     only: no actors, no details). Internal notes never appear. Another customer's ticket is a 404,
         *     the same as one that does not exist.
         */
        get: operations["getPortalTicket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/tickets/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reply on one of my requests (customer portal)
         * @description Adds the customer's message as a public comment and notifies the assignee. A ticket that was
         *     waiting for the customer goes back to `in_progress` and its SLA timers run again. A ticket
         *     that is no longer open (resolved, closed, cancelled, merged) is a 409: submit a new request.
         */
        post: operations["replyPortalTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/desk/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Service-desk dashboard
         * @description The live picture over the tickets in the caller's scope: open tickets by status, tickets with
         *     an SLA warning or breach right now, and per department the open tickets it holds now and how
         *     many of them are past due (counted by SQL on each request).
         *     First-response and resolution attainment today, this week and this month, and each department's
         *     rates this month, are the assessment's measures `first_response_attainment` and
         *     `resolution_attainment` (docs/assessment.md): timers decided in the period (met, or breached once
         *     the breach has fired), charged to the department recorded on the timer (a department's rates
         *     cover its subtree), approved exclusions left out, from the start of the day, week or month
         *     (business time zone, `--business-zone`) to the start of tomorrow. Read from the analytics engine
         *     (the reference SQL before its rebuild and with `--analytics false`), as the measure preview is.
         *     A caller who sees every department gets the organisation's figures; a manager or evaluator the
         *     top departments of their scope merged (met and total add). `by_department` has a row for each
         *     department of the scope with timers decided this month and for each department (and the intake
         *     queue, `department_id` null) holding open tickets the caller sees; the intake queue and
         *     departments outside the scope have null rates. No timer decided: `total` 0 and `rate` null.
         */
        get: operations["getDeskDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/complaints/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Complaint analysis
         * @description Complaints registered in [`from`, `to`) in the caller's scope: totals, open, overdue (open past
         *     the complaint's deadline), substantiated, counts by category and by the department complained
         *     about, repeat complainants (more than one complaint, top 20) and a weekly series (weeks start on
         *     Monday, local time). Defaults: `to` now, `from` the start of the week 11 weeks earlier (12 weeks).
         *     The period spans at most 731 days (400 on `from`, key `report.range_too_long`). Complaints
         *     about a department of the caller's scope or a person in one count wherever the ticket is
         *     handled (managers and evaluators; see the README's role table).
         */
        get: operations["getComplaintSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The callback (回访) queue
         * @description Callbacks on tickets in the caller's scope. `open`: not done yet on resolved tickets, earliest
         *     due first; `overdue`: those past their due time; `done`: recorded callbacks, latest first.
         *     `cursor` is the offset of the next page, from `next_cursor`.
         */
        get: operations["listCallbacks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My notifications
         * @description The caller's in-app notifications (assignments, transfers, escalations, SLA warnings and breaches, customer replies), newest first, with the number still unread.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a notification read
         * @description Marks one of the caller's notifications read (again is fine). Someone else's notification is a 404. Send no body, or `{}`.
         */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark all my notifications read
         * @description Marks every unread notification of the caller read. Send no body, or `{}`.
         */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ticket-views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My saved ticket views
         * @description The caller's saved ticket-list filters, by name. Not paged.
         */
        get: operations["listTicketViews"];
        put?: never;
        /**
         * Save a ticket view
         * @description Saves a named set of ticket-list filters for the caller (the query parameters of `GET /api/v1/tickets`, as an object of at most 4000 bytes of JSON). Names are unique per person (409 on `name`).
         */
        post: operations["createTicketView"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ticket-views/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a saved ticket view
         * @description Deletes one of the caller's saved views; someone else's, or an unknown one, is a 404.
         */
        delete: operations["deleteTicketView"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List business calendars
         * @description Every business calendar with its definition, by code. The built-ins `24x7` and `cn-mainland` are seeded on first start and may be edited like any other. Not paged; `next_cursor` is null.
         */
        get: operations["listCalendars"];
        put?: never;
        /**
         * Create a business calendar
         * @description Creates a calendar. Validation errors name the part at fault: `code`, `name`, `time_zone`,
         *     `week`, `week[2][0].end` (weekday index, Monday = 0, then interval), `exceptions[3].date`,
         *     `exceptions[3].hours_of`. A taken code is a 409 on `code`.
         */
        post: operations["createCalendar"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A calendar code such as `cn-mainland` or `24x7`. An unknown code is a 404. */
                code: components["parameters"]["CalendarCode"];
            };
            cookie?: never;
        };
        /**
         * Get a business calendar
         * @description One calendar with its whole definition.
         */
        get: operations["getCalendar"];
        /**
         * Replace a business calendar's definition
         * @description Replaces the whole definition (the code cannot change: 400 on `code`). The read-only
         *     `builtin` and `updated_at` of a calendar read with GET may be sent back; they are ignored.
         *     Due times computed from now on use the new definition; running SLA timers move to it at
         *     their next change (pause, resume, stop or firing), never retroactively.
         */
        put: operations["updateCalendar"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/{code}/import": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A calendar code such as `cn-mainland` or `24x7`. An unknown code is a 404. */
                code: components["parameters"]["CalendarCode"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import holidays and make-up working days
         * @description Adds the days of an iCalendar feed or a JSON list to the calendar; an imported date
         *     replaces the calendar's existing exception for that date, nothing else changes. All or
         *     nothing. The format is told by the text: JSON starts with `{` or `[`.
         *
         *     * iCalendar: every VEVENT is an all-day event; a day is a make-up working day (worked
         *       with Monday's hours) when `X-SQM-KIND:workday` is set or its SUMMARY says 补班 /
         *       调休上班 / workday, else a holiday. Errors name the line: `field` is `line 12`.
         *     * JSON: a list of exceptions, `{"exceptions": [...]}`, or a whole calendar definition of
         *       which only the exceptions are used. Errors name the field, e.g. `exceptions[3].date`.
         *
         *     An always-open calendar has no days to except (409).
         */
        post: operations["importCalendarDays"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/{code}/due": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A calendar code such as `cn-mainland` or `24x7`. An unknown code is a 404. */
                code: components["parameters"]["CalendarCode"];
            };
            cookie?: never;
        };
        /**
         * When N business minutes end
         * @description The instant at which `minutes` business minutes have passed since `from` on this
         *     calendar, as an SLA target would count them: counting starts at `from` or the next
         *     opening, and the answer is the end of the last working stretch used (180 minutes from
         *     Monday 09:00 with hours 09:00-12:00, 13:00-18:00 is Monday 12:00). Zero minutes answers
         *     `from`. The answer is local time in the calendar's zone with its offset. When it depends on
         *     a day past the calendar's `known_years` (holidays not entered yet), it still answers, with a
         *     `warning`.
         */
        get: operations["previewCalendarDue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sla/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List SLA policies
         * @description The current version of every SLA policy, by id; active ones only unless `include_inactive=true`. Not paged; `next_cursor` is null.
         */
        get: operations["listSlaPolicies"];
        put?: never;
        /**
         * Create an SLA policy
         * @description Creates a policy as version 1. Errors name the field: `name`, `warning_fraction`,
         *     `match.priority`, `match.category_id`, `targets`, `targets[1].kind`,
         *     `targets[1].business_minutes`, `targets[1].calendar_code` (also for a calendar that does
         *     not exist).
         */
        post: operations["createSlaPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sla/policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Get an SLA policy
         * @description The current version of the policy, or the one asked for with `version`.
         */
        get: operations["getSlaPolicy"];
        /**
         * Save a new version of an SLA policy
         * @description Saves the body as the policy's next version; new tickets get it, running timers keep the
         *     version they started with. A policy read with GET may be sent back with changes: its `id`
         *     must then be this one (400 on `id`), and its `version` is taken as the version the edit
         *     started from — a 409 on `version` when someone saved a newer version meanwhile.
         */
        put: operations["updateSlaPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sla/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Which SLA policy a ticket would get, and why
         * @description Matches the given ticket facts against the current version of every policy and reports
         *     on each: the applied one first, then the other matching ones (less specific, or lost a
         *     tie-break), then the non-matching and the inactive ones, each with the criteria checked
         *     and one sentence of reason. A `category_id` alone is expanded to its path in the
         *     category tree, so policies on a parent category match.
         */
        post: operations["explainSlaPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The indicator library
         * @description Every indicator: code, names and definitions in both languages, unit, direction (higher or lower), kind (computed or manual), formula over measure codes, default target.
         */
        get: operations["listIndicators"];
        put?: never;
        /**
         * Add an indicator
         * @description `{code, name:{zh,en}, definition?, unit, direction, kind, formula, target?}`. A computed indicator's formula is arithmetic (+ - * / parentheses, numbers) over measure codes; an unknown code is a 400 on `formula` naming it; a division by zero at run time is no data. Manual indicators have no formula; their values are entered per period.
         */
        post: operations["createIndicator"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/indicators/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace an indicator
         * @description The same body as POST; the code never changes. Periods already evaluated keep the definition they snapshotted.
         */
        put: operations["updateIndicator"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/schemes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Schemes and their versions
         * @description `{items:[{id, code, name, subject_kind, current_version, versions:[{number, status, effective_from, author, approver}]}]}`; current_version is the approved version in force now.
         */
        get: operations["listSchemes"];
        put?: never;
        /**
         * Add a scheme
         * @description `{code, name:{zh,en}, subject_kind: staff | department}`.
         */
        post: operations["createScheme"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/schemes/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a scheme document
         * @description `{code, name, subject_kind, document}`: a new scheme whose version 1 (a draft) is the document (docs/assessment.md). The document is validated whole; errors name the JSON node (`tree.children[1].max_points`).
         */
        post: operations["importScheme"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/schemes/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a draft version
         * @description `{document}`; validated whole, every problem named by its JSON path (`tree.children[1].max_points`, `tree.children[0].indicator.code`, `grades[2].min`).
         */
        post: operations["addSchemeVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/schemes/{id}/versions/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One version with its document
         * @description `{number, status, effective_from, author, approver, document}`.
         */
        get: operations["getSchemeVersion"];
        /**
         * Replace a draft's document
         * @description `{document}`; an approved version is a 409 on `status` (add a new version instead).
         */
        put: operations["updateSchemeVersion"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/schemes/{id}/versions/{n}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a version
         * @description `{effective_from}` (a date in the business zone or an ISO time). The author of a version cannot approve it (403). A period uses the version in force at its start.
         */
        post: operations["approveSchemeVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/schemes/{id}/versions/{n}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate a document without saving
         * @description `{document}` -> `{ok, errors:[{field, message, key}]}`: the editor's live validation.
         */
        post: operations["checkSchemeDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/schemes/{id}/versions/{n}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a version's document
         * @description The document itself (docs/assessment.md), ready for POST /schemes/import elsewhere.
         */
        get: operations["exportSchemeVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/periods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Periods
         * @description `{items:[period]}`, newest first.
         */
        get: operations["listPeriods"];
        put?: never;
        /**
         * Plan a period
         * @description `{name, scheme_id, kind: month | quarter | year | custom, from, to, scope_department_id?}` -> 201 `planned`, with the scheme version in force at `from`.
         */
        post: operations["createPeriod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/periods/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One period
         * @description `{id, name, status, scheme, version, kind, from, to, scope, counts:{assessees, ranked, no_data, appeals_open}, snapshot_sha256, appeal_deadline, ...}`.
         */
        get: operations["getPeriod"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/periods/{id}/collect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start collecting
         * @description planned -> collecting; results are a live preview from the measures. Another state: 409 on `status`.
         */
        post: operations["collectPeriod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/periods/{id}/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate (freeze the inputs)
         * @description collecting -> evaluated: measures (approved exclusions already left out) and manual inputs are snapshotted; results are computed from the snapshot only, and their SHA-256 stored. A quarter or year whose scheme rolls up (`rollup`: `mean_of_months`, `volume_weighted`) snapshots its locked month periods' results instead, and is refused (409 on `months`, naming them) while a month period of the same scheme and scope inside it is not locked.
         */
        post: operations["evaluatePeriod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/periods/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish to the assessees
         * @description evaluated -> published; the appeal deadline is the scheme's appeal_days working days later on the business calendar.
         */
        post: operations["publishPeriod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/periods/{id}/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lock
         * @description published -> locked (open appeals or unapproved adjustments: 409). A locked period refuses every write with 409 on `status`.
         */
        post: operations["lockPeriod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/periods/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Recompute from the snapshot
         * @description `{identical, sha256, stored_sha256}`: the results recomputed from the stored snapshot, compared bit for bit.
         */
        post: operations["verifyPeriod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/periods/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Results table
         * @description `{live, period, items:[{assessee_id, name, department, group, volume, total, no_data, score, rank, ranked, grade, coefficient, failed, list, yellow_card}]}`, only the assessees in the caller's scope; `group`, `sort` (rank, total, name) query parameters.
         */
        get: operations["listPeriodResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/periods/{id}/results.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Results as CSV
         * @description The results table (caller's scope) as UTF-8 CSV with a BOM. Columns `rank, assessee_id, name, department, group, volume, total, grade, coefficient, list, yellow_card, failed, corrected_total, pay_total, pay_grade, pay_coefficient`: the pay columns are the latest approved correction of a locked result (`corrected_total`), else the result itself (the XLSX export has the same columns).
         */
        get: operations["exportPeriodResultsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/periods/{id}/results.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Results as XLSX
         * @description The results table (caller's scope) as an XLSX workbook.
         */
        get: operations["exportPeriodResultsXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/periods/{id}/results/{assessee_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One assessee's result
         * @description The row plus `nodes:[{code, path, indicator, depth, max_points, weight, measured, no_data, basis, sample, numerator, denominator, wilson:[lo,hi], target, rule, points, contribution, gate_fired}]` and `group_mean`. A quarter or year made of its months (rolled up) adds `months:[{period_id, name, total, volume}]`, every month with or without data (`total: null`). A reader in scope, or the assessee once published; else 403 `comments:[{indicator_code (null: overall), text, written_by, author, at}]` (the assessor's, POST .../comment); `corrections:[...]` every correction of the locked result and `correction` the one in force (the latest approved) or null (see /corrections).
         */
        get: operations["getPeriodResult"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/periods/{id}/results/{assessee_id}/facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The facts behind one indicator of a result (drill-down)
         * @description The facts (tickets, SLA timers, callbacks...) that entered the measures of `indicator` for the
         *     assessee in the period: `{measures:[codes], measure, live, items:[{fact_id, ticket_id,
         *     ticket_number, at, staff_id, department_id, value, counted, excluded, exclusion_reason}],
         *     next_after}`. Every listed fact that is not `excluded` is in the value's denominator (its
         *     sample); `counted` marks a ratio's numerator. While the period collects the facts are read
         *     live with the exclusions approved now; once evaluated, with the exclusions of the period's
         *     snapshot. Visible as the result is: a reader in scope, or the assessee once published; else
         *     404. A manual indicator has no facts (`measure: null`, no items).
         */
        get: operations["getPeriodResultFacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/me/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's results
         * @description `{items:[row + period]}` of published and locked periods.
         */
        get: operations["listMyResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/archive/{staff_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A person's quality archive
         * @description The person's quality archive (员工工作质量档案), for the person themself and readers (`assessment.read`) whose scope holds the person's department (anyone else 404, as outside a scope; evaluators and customers 403). `{staff_id, name, items, complaints, appeals, inspections}`:
         *     - `items`: the results per period (as `/me/results`; readers also see evaluated periods).
         *     - `complaints`: the complaints about the person (cancelled and merged tickets left out): `{count, substantiated, decided, answered, on_time, by_period: [{period_id, period_name, count, substantiated, decided, answered, on_time}] (one per period of items), latest: [{ticket_id, ticket_number, title, at, substantiated (null: no finding yet), answered, on_time (null until answered)}] (newest 5)}`. `on_time` counts among the answered ones.
         *     - `appeals`: the person's appeals, newest first, of assessment results (`kind: assessment`, the appeal as `/appeals` lists it) and of inspections (`kind: inspection`, `{id, inspection_id, ticket_number, reason, filed_at, decision_reason, decided_at}`); each with `status: open | decided` and `outcome: upheld | partly_upheld | rejected | null`.
         *     - `inspections`: the person's published inspections that stand (not corrected): `{count, scored, mean_percent (null when none scored), passed, critical_fails, latest: [{id, ticket_id, ticket_number, state, published_at, percent, passed, critical_failed}] (newest 5)}`.
         */
        get: operations["getStaffArchive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/periods/{id}/inputs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The manual-input sheet of a period
         * @description `{period, editable, fields, assessees, items}`: the scheme's manual fields (`{code, kind: indicator|bonus|deduction, min, max, whole, indicator?, node_name?}` — the values each accepts: at least 0; at most 100 for a percent; at most the target of a linear rule rated upward; a whole count for an item), the assessees in the caller's scope, and the values entered for them (`{assessee_id, indicator_code, value, evidence, entered_by, entered_by_name, entered_at}`). `editable` while the period is planned or collecting.
         */
        get: operations["getManualInputs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/periods/{id}/inputs/{assessee_id}/{indicator_code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Enter a manual value
         * @description `{value, evidence}` (evidence required) for a manual indicator or a bonus/deduction item of the scheme, while planned or collecting. A value outside the field's range (GET .../inputs) and a missing evidence are reported together in `errors`.
         */
        put: operations["putManualInput"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/periods/{id}/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Appeal a published result
         * @description `{assessee_id, indicator_code?, reason, evidence}` by the assessee or a reader in scope, before the deadline (else 409 on `appeal_deadline`).
         */
        post: operations["fileAppeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Appeal inbox
         * @description `?status=open|upheld|partly_upheld|rejected`; appeals of assessees in the caller's scope, each `{id, period_id, period_name, assessee_id, assessee_name, indicator_code, reason, evidence, status, filed_by, filed_at, decided_by, decided_at, decision_reason, adjustment: null | {id, points, status: proposed | approved | withdrawn, proposed_by, approved_by}}`.
         */
        get: operations["listAppeals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/appeals/{id}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide an appeal
         * @description `{outcome: upheld | partly_upheld | rejected, reason, adjustment?:{points}}`; not by the evaluator of the period (403). An adjustment is proposed for an approver.
         */
        post: operations["decideAppeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/adjustments/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve an adjustment
         * @description Not by its proposer (403); the result is re-derived from the snapshot with the adjustment.
         */
        post: operations["approveAdjustment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/adjustments/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a proposed adjustment
         * @description By its proposer only (403 for anyone else), before it is approved: 409 on `status` once approved or withdrawn, or when the period is locked. A withdrawn adjustment moves no result; the appeal it came from is reopened (back to `open`, its decision cleared: event `assessment.appeal_reopened`) and must be decided again before the period locks. Event `assessment.adjustment_withdrawn`.
         */
        post: operations["withdrawAdjustment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/periods/{id}/results/{assessee_id}/comment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Write the assessor's comment on a result
         * @description `{indicator_code?: code | null, text}`: the overall comment (no `indicator_code`) or one on an indicator of the period's scheme (400 on `indicator_code` otherwise); `text` 1-2000 characters. Writing again replaces it (the event `assessment.comment_saved` keeps each version). While the period is evaluated or published: 409 on `status` before, and once locked (comments are frozen with the period; they are not part of the snapshot and never move a score). An assessee of the period in the caller's scope (400 on `assessee_id`, 404 outside the scope). The assessee reads them in the result (`comments`) once published.
         */
        put: operations["putResultComment"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/periods/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Corrections of a locked period
         * @description The corrections of the period's results in the caller's scope, in id order: `{id, period_id, assessee_id, original_total, corrected_total, grade, coefficient, reason, evidence, status: proposed | approved | withdrawn | rejected, proposed_by, proposed_at, approved_by, approved_at, rejected_by, rejected_at, rejection_reason}`. `grade` and `coefficient` are what the corrected total earns by the scheme's bands (a veto still gives the lowest grade; no forced distribution).
         */
        get: operations["listCorrections"];
        put?: never;
        /**
         * Propose a correction of a locked result
         * @description `{assessee_id, total, reason, evidence}` (all required, reported together; `total` at least 0). A locked period never changes: a correction is a new record beside the locked result (`original_total` is the locked total) and `verify` stays identical. Only once the period is locked (409 on `status`: appeals and adjustments correct a result until then); 409 on `assessee_id` while another correction of the assessee awaits approval. Event `assessment.correction_proposed`.
         */
        post: operations["proposeCorrection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/corrections/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a proposed correction
         * @description By an approver other than its proposer (403). 409 on `status` unless proposed. The latest approved correction of an assessee is in force: the result shows it beside the locked total (`correction`) and the results export's pay columns (`pay_total`, `pay_grade`, `pay_coefficient`) use it. Event `assessment.correction_approved`.
         */
        post: operations["approveCorrection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/corrections/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a proposed correction
         * @description By its proposer only (403 for anyone else); 409 on `status` unless proposed. Event `assessment.correction_withdrawn`.
         */
        post: operations["withdrawCorrection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/corrections/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a proposed correction
         * @description `{reason}` (required, 1 to 500 characters: 400 on `reason`). By an approver other than its proposer (403); 409 on `status` unless proposed (so rejecting twice is a 409). A rejected correction changes nothing: the locked result, the correction in force and `verify` stay as they were; the result shows it beside the others with its reason. Event `assessment.correction_rejected`.
         */
        post: operations["rejectCorrection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/methods/ahp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Weights from a pairwise-comparison matrix (AHP)
         * @description Weights from a square, positive, reciprocal pairwise-comparison matrix (Saaty's 1-9 scale):
         *     the principal eigenvector (power iteration, the default) or row geometric means, with
         *     lambda_max, CI = (lambda_max - n) / (n - 1), CR = CI / RI and `consistent` = CR < 0.1.
         *     The 5x5 example of docs/assessment.md gives by geometric mean 0.1602, 0.4174, 0.2634,
         *     0.0615, 0.0975 with CR 0.0152. A cell that is not the reciprocal of its mirror (within 5 %)
         *     is a 400 naming it, `matrix[3][1]`, with the mirror cell in `args.cell`; every such cell is
         *     listed in `errors`. Other fields in errors: `matrix[i]` (row length), `method`, `ri_table`.
         */
        post: operations["deriveAhpWeights"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/methods/entropy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Weights by the entropy method
         * @description Rows are alternatives (assessees), columns benefit criteria with values >= 0. A column whose
         *     values are all equal gets weight 0. Xu (2004) [[30,30,38,29],[19,54,86,29],[19,15,85,28.9],
         *     [68,70,60,29]] gives 0.4630, 0.3992, 0.1378, 0.0000. Errors name `matrix` or a cell.
         */
        post: operations["deriveEntropyWeights"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/methods/topsis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Closeness to the ideal (TOPSIS)
         * @description Vector normalisation, weights (adding up to 1), the ideal and anti-ideal per criterion
         *     (benefit: max and min; cost: the reverse), Euclidean distances and closeness
         *     C = D- / (D+ + D-); `rank` by closeness with ties sharing a rank (1, 2, 2, 4). Values must
         *     be >= 0. Errors name `matrix`, a cell, `matrix[*][j]` (a column of zeros), `weights`,
         *     `weights[j]` or `benefit`.
         */
        post: operations["evaluateTopsis"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/methods/rsr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rank-sum ratio with tiers (RSR)
         * @description The rank-sum ratio per 孙振球《医学统计学》: integer ranks (ties share their mean rank) or
         *     non-integer ranks, benefit or cost per criterion, optional weights (WRSR); the distribution
         *     table (frequency, cumulative frequency, mean rank, p = mean rank / n, the last group's p
         *     corrected to 1 - 1/(4n)), probit = 5 + the normal quantile of p, the least-squares line
         *     RSR = a + b probit through the table's groups, and tiers by the probit cut-points (3 tiers:
         *     < 4, 4-6, >= 6; 4: 3.5, 5, 6.5; 5: 3.2, 4.4, 5.6, 6.8; 6: 3, 4, 5, 6, 7). Tier 1 is the best.
         */
        post: operations["evaluateRsr"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/surveys/sample-size": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Survey sample size for a margin of error
         * @description Cochran's sample size for estimating a proportion, n0 = z^2 p(1-p) / e^2, with the
         *     finite-population correction n = n0 / (1 + (n0 - 1) / N) when `population` is given; rounded
         *     up. +-5 % at 95 % -> 385; +-3 % -> 1,068; N = 2,000 at +-5 % -> 323. Every bad parameter is
         *     listed at once (`errors`).
         */
        get: operations["surveySampleSize"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/surveys/interval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Wilson score interval of a rate
         * @description The rate successes / n with its Wilson score interval, which stays inside [0, 1] and is
         *     honest for small samples: 81/263 at 95 % -> 0.2553-0.3662; 0/20 -> 0-0.1611. `margin` is
         *     the interval's half-width. Bad parameters (n = 0, successes > n, confidence outside (0, 1))
         *     are 400s naming each.
         */
        get: operations["surveyInterval"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Survey templates
         * @description Every template with the definition of its newest version (docs/feedback.md).
         */
        get: operations["listSurveyTemplates"];
        put?: never;
        /**
         * Create a survey template
         * @description A template of questions (csat 1-5, nps 0-10, ces 1-7, likert 5 or 7 points, single and
         *     multiple choice, open text), each with zh and en texts. Every problem is reported at once,
         *     naming its field (`questions[2].options`, `questions[0].text.en`).
         */
        post: operations["createSurveyTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /**
         * A survey template
         * @description The template with the definition of `version` (default the newest).
         */
        get: operations["getSurveyTemplate"];
        /**
         * Change a survey template
         * @description A changed definition becomes the next version; invitations already sent keep the version
         *     they were sent with, and so do their answers. `active: false` stops new invitations.
         */
        put: operations["updateSurveyTemplate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Survey dispatch rules
         * @description The rules that send a survey when a ticket is resolved or closed.
         */
        get: operations["listSurveyRules"];
        put?: never;
        /**
         * Add a dispatch rule
         * @description When a ticket of `ticket_type`, `channel` and `category_id` (each optional: any) is
         *     `resolved` or `closed`, an invitation to the template is made, due `delay_minutes` later
         *     and valid for `valid_days`; a customer gets at most one survey per `quiet_days`, and a
         *     ticket at most one. The first active matching rule wins.
         */
        post: operations["createSurveyRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Stop a dispatch rule
         * @description The rule sends no more surveys; invitations it made stay.
         */
        delete: operations["deactivateSurveyRule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Survey settings
         * @description How callback ratings count and which scores open a follow-up.
         */
        get: operations["getSurveySettings"];
        /**
         * Change the survey settings
         * @description Keys left out keep their values.
         */
        put: operations["saveSurveySettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Survey campaigns
         * @description Newest first.
         */
        get: operations["listSurveyCampaigns"];
        put?: never;
        /**
         * Start a survey campaign
         * @description Reads the population (customers with tickets created in [`from`, `to`) of the departments
         *     with their subtrees, categories and tiers given), sizes the sample with the calculator
         *     (Cochran with the finite-population correction: N = 10,000 at 95 %, +-5 %, p = 0.5 -> 370),
         *     allocates it to the strata (`stratify_by`: proportional, largest remainders, at least one per
         *     non-empty stratum), draws it from `seed` (random when absent; recorded) and makes an
         *     invitation for every customer drawn, about their newest ticket in the range, due at
         *     `send_at` (default now) and valid for `valid_days`. Invitations are mailed and reminded like
         *     every other. Every problem is reported at once.
         */
        post: operations["createSurveyCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-campaigns/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The sample a campaign would draw
         * @description The same body as a new campaign (the name is not taken); nothing is saved.
         */
        post: operations["previewSurveyCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A survey campaign and its progress
         * @description Invited, sent (mailed or given a link), answered and expired, and the response rate with its 95 % Wilson interval, per stratum and in total.
         */
        get: operations["getSurveyCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Survey invitations
         * @description Newest first, in the caller's department scope; `cursor` is the last id of the previous page.
         */
        get: operations["listSurveyInvitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-invitations/{id}/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue the answer link of an invitation
         * @description A new single-use link (192 random bits; only its SHA-256 is stored, so it is shown this
         *     once and any earlier link stops working), to copy into an SMS, WeChat or e-mail.
         *     409 once the survey is answered or expired.
         */
        post: operations["issueSurveyLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Survey results
         * @description CSAT (share of 4-5), NPS (% 9-10 minus % 0-6), CES mean, response rate, per-question
         *     distributions and open texts (as written: show them escaped), and the same by department,
         *     staff, channel and category (the ticket's, when the survey was sent). Every rate carries its
         *     sample size, its 95 % Wilson interval and `small_sample` (n below `small_sample_below`).
         *     `satisfaction` joins survey CSAT, callback ratings and external agencies' answers counted by
         *     the settings' mapping (`agency_answers` counts the agency rows). Invitations are those due in
         *     [from, to); callbacks those rated then; agency answers those surveyed then. `campaign_id`
         *     keeps one campaign's surveys (no callbacks, no agency answers); `source` keeps one source
         *     (`link`: surveys sent by link, after a ticket or by a campaign; `callback`; `agency`). A
         *     `template_id` keeps that template's surveys and the callbacks (agency answers answered no template). Department scoped.
         */
        get: operations["surveyResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-results/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Survey results per week or month
         * @description The response rate, CSAT, NPS and satisfaction of each ISO week (from Monday) or month in the
         *     business time zone, each with its n and 95 % Wilson interval; a period without any data is
         *     left out. Invitations count in the week they were due, callbacks when rated, agency answers
         *     when surveyed. The same filters as the results. Department scoped.
         */
        get: operations["surveyResultsTrend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-agency-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import an external survey agency's results (CSV or XLSX)
         * @description The file sent as the body (docs/feedback.md "External survey agencies"): columns agency,
         *     surveyed_on, ticket or department, csat, satisfaction, nps, comment, in English or Chinese.
         *     All or nothing: every problem is listed with its line, column and reason, and nothing is
         *     written if any row has one. The desk importer's readers and limits: cells of at most 32,767
         *     characters, at most 100,000 data rows, bounded messages. Up to 50 MiB, checked for the
         *     credentials, permission and Content-Type before it is read, then streamed to a temporary
         *     file without a name (--upload-dir) and read from there, never held in memory.
         */
        post: operations["importAgencyResults"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-agency-imports/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the agency results template (CSV)
         * @description The header row in Chinese or English and two example rows (one keyed to a ticket, one to a department), UTF-8 with a byte order mark.
         */
        get: operations["getAgencyImportTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-topics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The topic dictionary of open answers
         * @description Topics with their labels and keywords (zh and en); seeded with 态度 attitude, 速度 speed, 专业 expertise, 收费 fees, 环境 environment, 沟通 communication, 结果 outcome.
         */
        get: operations["getSurveyTopics"];
        /**
         * Replace the topic dictionary
         * @description Every problem at once (`topics[2].key`, `topics[0].keywords[3]`). Answers are tagged when read, so the new dictionary applies to every answer at once.
         */
        put: operations["saveSurveyTopics"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-texts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open answers, searched and by topic
         * @description Open answers of surveys and external agencies, newest first, each with its topics (tagged at
         *     read). `q` finds answers containing it, case-insensitively (a LIKE pattern with `%`, `_`
         *     and `\` escaped: they match themselves). The text is as the customer wrote it: show it as
         *     text, never as HTML. Department scoped.
         */
        get: operations["listSurveyTexts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-texts/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Topic counts and word frequency of open answers
         * @description How many answers each topic tags, and the 50 most frequent words: every dictionary keyword
         *     (Chinese has no spaces, so it is not split into words) by its occurrences, and Latin words
         *     (runs of ASCII letters and digits, lower-cased, 2 characters or more) minus English stop
         *     words. At most 20,000 answers per source are read (`truncated`). The same filters as the list.
         */
        get: operations["summarizeSurveyTexts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-followups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow-ups of low scores
         * @description The recovery queue (`state=open`, the default) or every follow-up (`all`), in the caller's scope, soonest deadline first.
         */
        get: operations["listSurveyFollowUps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/survey-followups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Work a follow-up
         * @description Change the owner, deadline or note; an `outcome` closes it.
         */
        patch: operations["updateSurveyFollowUp"];
        trace?: never;
    };
    "/api/v1/public/surveys/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        /**
         * The survey behind an answer link
         * @description No sign-in: the token is the credential. `state` is open (with the title, intro and
         *     questions of the version sent), answered or expired; an unknown token is a 404. Limited to
         *     60 requests a minute per client address (429 with Retry-After).
         */
        get: operations["openPublicSurvey"];
        put?: never;
        /**
         * Answer a survey
         * @description `{"answers": {"csat": 5, "pick": 1, "many": [0, 2], "why": "text"}}`: scores, option
         *     indexes and open text (at most 2,000 characters, stored as written). Every problem is
         *     reported at once (`answers.csat`). A second answer is a 409 (`survey.already_answered`),
         *     an expired link a 409 (`survey.expired`). Same rate limit as the GET.
         */
        post: operations["answerPublicSurvey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reviewers' agreement (Cohen's kappa)
         * @description Cohen's kappa of two reviewers' ratings of the same items, unweighted or with linear or
         *     quadratic agreement weights over the ordered categories (given, or the sorted union of the
         *     ratings). [1,1,2,2,3,3,1,3] vs [1,3,2,1,3,2,1,3] -> 0.4286 / 0.4667 / 0.5. `kappa` is null
         *     when it is undefined (every rating in one and the same category). With `tolerance`, also
         *     the share of items whose two scores differ by at most that much. Unequal lengths (`b`),
         *     fewer than 2 items (`a`) and a rating outside the categories (`a[i]`, `b[i]`) are 400s.
         */
        post: operations["inspectionAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scorecards/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Score answers against a scorecard definition (nothing is stored)
         * @description The scorecard builder's preview. The body is a definition (as in `ScorecardDefinition`)
         *     plus `answers` by item code: a value on the item's scale, or `"na"` (not applicable: out
         *     of both earned and possible). Every problem of the card and the answers is reported at
         *     once, naming its field (`sections[1].items[0].max_points`, `answers.greet`). Published
         *     examples: sections of 5/10/15/5 points earning 3/5/8/5 -> 60 %, the last section N/A ->
         *     53.3 %; 3/10/5/2 points weighted 10/30/50/10 % earning 3/5/4/1 -> 70 % (65 % by total
         *     points).
         */
        post: operations["previewScorecard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scorecards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Scorecards
         * @description Every scorecard with the definition of its newest version, by name.
         */
        get: operations["listScorecards"];
        put?: never;
        /**
         * Create a scorecard
         * @description Sections of items (yes/no, 3-, 4- or 5-point scales, points), each with a name and
         *     guidance; critical items (fail the section or the whole card), bonus items, a pass mark,
         *     and the method: total points, or section weights that must add up to 100 %. Every problem
         *     is reported at once, naming its field; a name another card has is a 409 (`name`).
         */
        post: operations["createScorecard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scorecards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /**
         * A scorecard
         * @description The scorecard with the definition of `version` (default the newest); a version it never had is a 400 (`version`).
         */
        get: operations["getScorecard"];
        /**
         * Change a scorecard
         * @description A changed definition becomes the next version; the versions before it stay readable
         *     (`?version=`), and an inspection keeps the version it was scored with. A new name or
         *     `active` alone does not make a version. `active: false` keeps the card from new
         *     inspections.
         */
        put: operations["updateScorecard"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Inspections the caller sees
         * @description Newest first. Who sees what: holders of inspection.manage within their scope; the inspector
         *     (an evaluator only within the departments they were engaged for); the inspected staff member once
         *     it is published (a covert one too); desk.report holders within their scope once it is published,
         *     or before when it is not covert.
         */
        get: operations["listInspections"];
        put?: never;
        /**
         * Assign an inspection
         * @description A ticket review (`ticket_id`: its department and resolver follow) or a routine or surprise check
         *     of a department (`department_id`, optionally the inspected `agent_id`), with the newest version of
         *     an active scorecard, to an inspector who holds inspection.perform with the department in scope and
         *     is not the inspected staff member. Every problem is reported at once, naming its field.
         */
        post: operations["assignInspection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /**
         * An inspection
         * @description An inspection the caller does not see reads as not found. The answer carries `scorecard`: the
         *     card version the inspection is scored with (its items and guidance), for everyone who sees it;
         *     and `photos`, the photos of its items (their images at /inspections/{id}/photos/{photo_id}).
         */
        get: operations["getInspection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Save the inspector's draft
         * @description The assigned inspector only; answers may be partial (by item code: a value or "na"). A published
         *     inspection is never edited (409, `state`). `checked_at` and `location` record when and where a
         *     site check was made (each kept until sent again).
         */
        put: operations["saveInspectionAnswers"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a photo to an item
         * @description The assigned inspector, while the inspection is assigned or in progress (else 409, `state`);
         *     the image itself is the body. Its type is sniffed from the bytes — JPEG, PNG or WebP only; the
         *     declared Content-Type and any file name decide nothing (an HTML page sent as `image/jpeg` is a
         *     400 on `file`). At most 5 MiB (413), 5 photos per item (409, `item`) and 50 per inspection (409,
         *     `photos`). Stored in the database with its sha256; event `inspection.photo_added`.
         */
        post: operations["addInspectionPhoto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/photos/{photo_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                photo_id: number;
            };
            cookie?: never;
        };
        /**
         * A photo's image
         * @description To whoever sees the inspection (a covert one stays hidden from the inspected party until it is
         *     published; else 404). The sniffed type as Content-Type, always `Content-Disposition:
         *     attachment` (an `<img>` shows it; opening the address downloads it), `X-Content-Type-Options:
         *     nosniff` and `Content-Security-Policy: default-src 'none'`.
         */
        get: operations["getInspectionPhoto"];
        put?: never;
        post?: never;
        /**
         * Remove a photo
         * @description The assigned inspector, before submission (else 409, `state`); event `inspection.photo_removed`.
         */
        delete: operations["deleteInspectionPhoto"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Score and submit
         * @description The assigned inspector only; every item of the card answered (`answers.<code>`), scored with the version the inspection keeps.
         */
        post: operations["submitInspection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a submitted inspection
         * @description The inspected party sees it from now on; the appeal deadline is the end of the 5th working day after, on the business calendar.
         */
        post: operations["publishInspection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge a published inspection
         * @description The inspected staff member only.
         */
        post: operations["acknowledgeInspection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/appeal": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Appeal a published inspection (申诉)
         * @description The inspected staff member only, within the deadline (after it: 409, `appeal_deadline`); a reason is required.
         */
        post: operations["appealInspection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspections/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide an appeal
         * @description By someone other than the inspector and the appellant, with a reason. Upheld or partly upheld: the
         *     corrected answers make a new final record linked to this one (`corrected_by_id`, `corrects_id`);
         *     this one is not edited.
         */
        post: operations["decideInspectionAppeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection-reports/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Score trend per agent or department
         * @description The mean percent of the published inspections that stand (a corrected one gives way to its
         *     correction) per agent or department and week or month (in the business time zone), over the
         *     inspections the caller sees.
         */
        get: operations["inspectionScoreTrend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inspection-reports/pareto": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item failure Pareto
         * @description The items most often failed (an answer earning nothing: no, the lowest rating, 0 points) in the
         *     published inspections that stand and that the caller sees, most first, with each item's share of
         *     the failures and the cumulative share.
         */
        get: operations["inspectionFailurePareto"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sampling-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sampling plans
         * @description The plans whose departments are all in the caller's scope, by name.
         */
        get: operations["listSamplingPlans"];
        put?: never;
        /**
         * Create a sampling plan
         * @description Per cycle (week or month, in the business time zone) a quota per agent (a percentage of their
         *     resolved tickets, rounded up, or a fixed number), stratified by channel and/or ticket type,
         *     complaints and SLA breaches always taken when asked. Every problem at once: the fields, the
         *     scorecard (active), the departments (in the caller's scope), the inspectors (active, performing
         *     inspections); 409 on `name` when another plan has it.
         */
        post: operations["createSamplingPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sampling-plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /**
         * A sampling plan
         * @description The plan, when all its departments are in the caller's scope (else 404).
         */
        get: operations["getSamplingPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit or deactivate a sampling plan
         * @description The fields given change: name, quota and amount, the strata, complaints and breaches, and
         *     `active` (an inactive plan draws nothing, 409 on `plan` for a run, and is marked in the list).
         *     Its scope — cycle, departments, scorecard, inspectors — is not editable (400, unknown field).
         *     Past runs and the inspections they made stay as they were. Every problem at once; 409 on
         *     `name` when another plan has it; event `sampling.plan_updated` with what changed.
         */
        patch: operations["updateSamplingPlan"];
        trace?: never;
    };
    "/api/v1/sampling-plans/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /**
         * The runs of a sampling plan
         * @description Newest first (at most 100), each with its seed and coverage, without its tickets.
         */
        get: operations["listSamplingRuns"];
        put?: never;
        /**
         * Draw a cycle's sample
         * @description Draws the sample of the cycle containing `at` (default now) with `seed` (default a fresh one; the
         *     same seed over the same tickets draws the same sample) and assigns an inspection of each ticket,
         *     round robin over the plan's inspectors, never to the ticket's own agent; the event
         *     `sampling.sample_drawn` records the seed and the tickets. A ticket sampled by an earlier run of the
         *     cycle is not drawn again and counts toward its agent's quota. `dry_run` shows the draw (200)
         *     without storing or assigning anything.
         */
        post: operations["runSamplingPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calibrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Calibration sessions
         * @description Newest first, paged (`limit`, `cursor`): the sessions the caller takes part in (reviewer or expert) or manages
         *     (inspection.manage with the ticket's department in scope). While a session is open every
         *     participant's answers but the caller's own are withheld (`hidden`). `overdue`: open past its
         *     deadline (nobody scores it any more; it waits to be closed).
         */
        get: operations["listCalibrations"];
        put?: never;
        /**
         * Start a calibration session
         * @description A ticket (`ticket_id`, or `inspection_id` for an inspection's ticket), a scorecard whose current
         *     version is pinned, 2-10 reviewers and optionally an expert (not also a reviewer) whose answers are
         *     the reference, each allowed to inspect the ticket's department and none of them its agent, and a
         *     deadline in the future. Every problem at once (`ticket_id`, `inspection_id`, `scorecard_id`,
         *     `reviewer_ids`, `reviewer_ids[k]`, `expert_id`, `deadline`); nothing is written then. A session is
         *     never an inspection and never counts toward anyone's score.
         */
        post: operations["createCalibration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calibrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /**
         * A calibration session
         * @description Its participants and, once closed, the results. 403 for someone who neither takes part nor
         *     manages it; while open the other participants' answers are withheld (`hidden`).
         */
        get: operations["getCalibration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calibrations/{id}/scores/{staff_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                staff_id: number;
            };
            cookie?: never;
        };
        /**
         * One participant's answers
         * @description Blind: while the session is open only the caller's own (403 for anyone else's); once closed,
         *     everyone's, to whoever sees the session. 404 for someone who does not take part.
         */
        get: operations["getCalibrationScore"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calibrations/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Save the caller's draft
         * @description A participant only (403 naming `reviewer_ids` otherwise); answers may be partial, to items of the
         *     pinned card version (`answers.<code>`). 409 once the session is closed (`state`), from its
         *     deadline on (`deadline`) or after the caller's submission (`submitted_at`: submit again to change
         *     the answers).
         */
        put: operations["saveCalibrationAnswers"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calibrations/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Score and submit the caller's card
         * @description A participant only; every item answered, scored with the pinned version as an inspection is. May be
         *     sent again while the session is open; 409 (`state`) once it is closed, 409 (`deadline`) from its deadline on.
         */
        post: operations["submitCalibration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calibrations/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close and reveal
         * @description By its creator or the quality department (inspection.manage in scope), once at least two reviewers
         *     have submitted (409, `reviewer_ids`) and the expert, when named, too (409, `expert_id`). Answers
         *     the session with its results: each participant's total, per item everyone's answer on the 0-100
         *     item scale (the share of the item's points an answer earns; N/A leaves the comparison), the
         *     items with the largest spread first, and per reviewer against the expert (without one, per pair
         *     of reviewers) the share of items within ±10 points and Cohen's kappa, unweighted, linear and
         *     quadratic, over the scale's values.
         */
        post: operations["closeCalibration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvement/root-causes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Root-cause categories (an editable list)
         * @description Seeded with people, process, method, equipment/system, environment, materials/information (zh/en); by position.
         */
        get: operations["listImprovementRootCauses"];
        put?: never;
        /**
         * Add a root-cause category
         * @description Every problem at once; another category with the code: 409 (`code`).
         */
        post: operations["createImprovementRootCause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvement/root-causes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Change a root-cause category
         * @description Rename, reorder or retire (`active: false`: kept on old actions, not offered for new ones).
         */
        put: operations["updateImprovementRootCause"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvement/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Improvement actions (整改) the caller sees
         * @description Newest first. Quality and administrators see all; managers and executives their scope; everyone else the actions they own or proposed. `overdue=true`: pending actions whose due day has ended.
         */
        get: operations["listImprovementActions"];
        put?: never;
        /**
         * Raise an improvement action
         * @description From a source (with `source_id` where it has a record: an inspection, a complaint ticket, a survey follow-up, an audit finding); every problem of the draft at once; the department (default: the owner's) must be in the caller's scope.
         */
        post: operations["createImprovementAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvement/actions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /**
         * One improvement action with its timeline
         * @description An action the caller does not see: 404.
         */
        get: operations["getImprovementAction"];
        /**
         * Change the plan of an action
         * @description Title, root cause, analysis, owner, department, due date, the indicator; while proposed or pending (else 409 `status`). A new owner or due date restarts the overdue escalation.
         */
        put: operations["updateImprovementAction"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvement/actions/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move an action along its workflow
         * @description `start` and `complete` (evidence required): the owner or quality; `verify` (after `verify_after_days`; `value_after` when an indicator was named, else `effective`), `reopen` and `cancel` (reason required): quality. A move the status does not allow: 409 (`status`).
         */
        post: operations["transitionImprovementAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvement/actions/{id}/triage": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept or decline a staff suggestion
         * @description `accept` (owner and due date required): it becomes an open action; `decline` with a reason.
         */
        post: operations["triageImprovementSuggestion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvement/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suggest an improvement (any staff member)
         * @description A proposed action (source `suggestion`) of the proposer's department, for quality to triage.
         */
        post: operations["suggestImprovement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvement/audits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Internal audits and management reviews
         * @description Newest first, with their findings and the actions each raised.
         */
        get: operations["listImprovementAudits"];
        put?: never;
        /**
         * Record an internal audit or management review
         * @description Every problem at once.
         */
        post: operations["createImprovementAudit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvement/audits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /**
         * One audit or management review
         * @description With its findings.
         */
        get: operations["getImprovementAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/improvement/audits/{id}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a finding to an audit
         * @description A finding raises actions through `POST /api/v1/improvement/actions` with `source: audit_finding`.
         */
        post: operations["addImprovementFinding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/measures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The measures: the built-in library and the organisation's own
         * @description Every measure with its names and one-line definitions (zh-CN and English), its fact source,
         *     aggregation, filter, unit and direction.
         */
        get: operations["listMeasures"];
        put?: never;
        /**
         * Define a measure
         * @description A measure over a registered fact source. The filter (and a ratio's numerator_filter and
         *     denominator_filter) use the closed condition language of docs/assessment.md, checked against
         *     the source's fields; every problem is reported at once (`code`, `name.zh`, `unit`, `filter`,
         *     `aggregation.field`, `aggregation.p`, ...). A taken code is a 409 on `code`.
         */
        post: operations["createMeasure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/measures/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One measure with its reference SQL
         * @description The measure plus `reference_sql` (staff) and `reference_sql_department` (the subtree roll-up):
         *     the query SqlMeasureSource runs, with `?` for the window and every filter value, and the
         *     fields of its source.
         */
        get: operations["getMeasure"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/measures/{code}/values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Values per subject over a window
         * @description One item per subject with facts in [from, to) that the caller may see (a manager: their
         *     subtree). `value` is null with `no_data: true` when nothing was counted (a ratio without a
         *     denominator), never 0. Ratios carry numerator and denominator; `sample` is the facts counted.
         */
        get: operations["measureValues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/measures/{code}/facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The facts behind one value (drill-down)
         * @description The facts of one subject, oldest id first, paged by `after` (the last fact_id) and `limit`
         *     (1-500, default 50). `counted` marks a ratio's numerator facts; excluded tickets are listed
         *     with `excluded: true`, their reason, and count nowhere. A subject outside the caller's
         *     departments is a 403.
         */
        get: operations["measureFacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/fact-sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The fact sources measures read
         * @description Each source registered by the module that owns its tables (the desk: tickets, sla_timers,
         *     callbacks, complaints, transfers, reopens) with the fields a filter or an aggregation may name.
         */
        get: operations["listFactSources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/exclusion-reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Why a ticket may leave assessment
         * @description The editable list of exclusion reasons (seeded with the issue's), active or not: a list of
         *     settings, no assessment data, for any staff member.
         */
        get: operations["listExclusionReasons"];
        put?: never;
        /**
         * Add an exclusion reason
         * @description A new reason `{code, name: {zh, en}}`; a taken code is a 409 on `code`.
         */
        post: operations["addExclusionReason"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/exclusion-reasons/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Retire or restore a reason
         * @description `{active}`: an inactive reason cannot be chosen for new requests.
         */
        patch: operations["setExclusionReasonActive"];
        trace?: never;
    };
    "/api/v1/assessment/exclusions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Exclusion requests and decisions
         * @description Newest first (at most 500), of tickets in the caller's departments or requested by them.
         */
        get: operations["listExclusions"];
        put?: never;
        /**
         * Ask that a ticket leave assessment
         * @description By someone who may act on the ticket (its handler, or its department in their scope), with a
         *     reason and evidence (required). Every problem at once: `ticket_id`, `reason_code`, `evidence`;
         *     a ticket with a request or an approval already is a 409 on `ticket_id`.
         */
        post: operations["requestExclusion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/exclusions/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve an exclusion
         * @description The quality department approves `{note}`: the ticket leaves every measure. Only a requested
         *     exclusion (409 on `status` otherwise).
         */
        post: operations["approveExclusion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/exclusions/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject an exclusion
         * @description `{note}` is required (400 on `note`). Only a requested exclusion (409 on `status` otherwise).
         */
        post: operations["rejectExclusion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mystery-scenarios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Mystery shopping scenarios
         * @description Newest first (at most 500), those whose target departments are all in the caller's scope.
         */
        get: operations["listMysteryScenarios"];
        put?: never;
        /**
         * Write a mystery shopping scenario
         * @description The shopper's script for a visit, a phone call or an online chat to each target department in a
         *     window. Every problem at once, naming the field (`title`, `channel`, `department_ids[k]` — existing,
         *     in scope, not twice — `script`, `scorecard_id` active, `window_to` after `window_from` and at most
         *     366 days later, `hours_from`/`hours_to` both or neither, `visits_per_target` 1-20, `budget` with at
         *     most two decimals). Event `mystery.scenario_created`.
         */
        post: operations["createMysteryScenario"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mystery-scenarios/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /**
         * A mystery shopping scenario
         * @description 404 for an unknown scenario or one with a target outside the caller's scope.
         */
        get: operations["getMysteryScenario"];
        /**
         * Edit a mystery shopping scenario
         * @description Replaces every field, checked as a new scenario (`active: false` stops new visits); visits made before
         *     keep their scorecard version and target. Event `mystery.scenario_updated`.
         */
        put: operations["updateMysteryScenario"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mystery-scenarios/{id}/visits": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /**
         * A scenario's visits and coverage
         * @description The visits, oldest first, and per target the visits wanted, made and done (submitted or later).
         */
        get: operations["listMysteryScenarioVisits"];
        put?: never;
        /**
         * Make the scenario's missing visits
         * @description Per target, as many visits as wanted beyond those made, each a covert surprise check (the scorecard's
         *     newest version pinned) dealt in turn to the shoppers named who may inspect the target (an evaluator:
         *     only the departments engaged for). 400 on `shopper_ids[k]` for a shopper who may visit none of the
         *     targets, on `shopper_ids` for a target none may visit; 409 on `active` for an inactive scenario, on
         *     `window_to` once the window is over. Events `inspection.assigned` per visit and `mystery.visits_generated`.
         */
        post: operations["generateMysteryVisits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mystery-scenarios/{id}/reimbursements": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /**
         * A scenario's reimbursements with totals
         * @description The visits with an amount spent and the totals claimed, pending, approved and rejected (money in the
         *     currency's unit). `format=csv` answers the same as a CSV attachment (UTF-8 with a BOM), totals last.
         */
        get: operations["listMysteryReimbursements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mystery-visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My mystery visits
         * @description The visits the caller makes as a shopper, newest first (at most 200).
         */
        get: operations["listMyMysteryVisits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mystery-visits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /**
         * A mystery visit with its script and receipts
         * @description To whoever sees its inspection: the inspected party (the target's managers, the staff member named as
         *     having served) reads 404 until it is published, like any covert inspection.
         */
        get: operations["getMysteryVisit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mystery-visits/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        /**
         * The shopper's report
         * @description The whole report, by the visit's shopper (else 403) before publication (409 on `state`) and while the
         *     reimbursement is undecided (409 on `claim`). `visited_at` inside the scenario's window and hours (in the
         *     business time zone) and not in the future, else 400 on `visited_at`; `dialled` only for a call;
         *     `served_by_id` a staff member of the department visited — they become the inspected party and see the
         *     result once it is published; `spent` makes the reimbursement pending. Event `mystery.visit_reported`.
         */
        put: operations["saveMysteryReport"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mystery-visits/{id}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a receipt image
         * @description By the shopper while they may report; the image itself is the body, judged like an inspection photo:
         *     JPEG, PNG or WebP sniffed from the bytes (else 400 on `file`), at most 5 MiB (413), 5 receipts a visit
         *     (409 on `receipts`). Event `mystery.receipt_added`.
         */
        post: operations["addMysteryReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mystery-visits/{id}/receipts/{receipt_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                receipt_id: number;
            };
            cookie?: never;
        };
        /**
         * A receipt's image
         * @description To whoever sees the visit; served like an inspection photo: the sniffed type, always an attachment,
         *     nosniff and `Content-Security-Policy: default-src 'none'`.
         */
        get: operations["getMysteryReceipt"];
        put?: never;
        post?: never;
        /**
         * Remove a receipt
         * @description By the shopper while they may report; event `mystery.receipt_removed`.
         */
        delete: operations["deleteMysteryReceipt"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mystery-visits/{id}/reimbursement": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve or reject the reimbursement
         * @description Never by the shopper (403). 409 on `spent` with no amount reported, on `claim` once decided, on
         *     `receipts` to approve without a receipt; 400 on `reason` to reject without one or to approve an amount
         *     over the scenario's budget without one. Event `mystery.claim_decided`.
         */
        post: operations["decideMysteryReimbursement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        MysteryScenarioInput: {
            title: string;
            /** @enum {string} */
            channel: "visit" | "call" | "chat";
            /** @description The targets. */
            department_ids: number[];
            /** @description What to do and say. */
            script: string;
            /** @description What to observe. */
            observe?: string;
            scorecard_id: number;
            /** Format: date-time */
            window_from: string;
            /** Format: date-time */
            window_to: string;
            /** @description Local time of day (business zone), with hours_to. */
            hours_from?: string;
            hours_to?: string;
            visits_per_target: number;
            /** @description What one visit may spend, at most two decimals. */
            budget?: number;
            active?: boolean;
        };
        MysteryScenario: {
            id: number;
            title: string;
            /** @enum {string} */
            channel: "visit" | "call" | "chat";
            department_ids: number[];
            script: string;
            observe: string;
            scorecard_id: number;
            /** Format: date-time */
            window_from: string;
            /** Format: date-time */
            window_to: string;
            hours_from: string | null;
            hours_to: string | null;
            visits_per_target: number;
            budget: number | null;
            active: boolean;
            created_by: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        MysteryReport: {
            /** Format: date-time */
            visited_at?: string;
            duration_min?: number;
            served_by?: string;
            served_by_id?: number;
            dialled?: string;
            spent?: number;
        };
        MysteryVisit: {
            /** @description The inspection id. */
            id: number;
            inspection_id: number;
            scenario_id: number;
            scenario_title: string;
            /** @enum {string} */
            channel: "visit" | "call" | "chat";
            department_id: number;
            department_name: string;
            shopper_id: number;
            shopper_name: string;
            /** @enum {string} */
            state: "assigned" | "in_progress" | "submitted" | "published" | "acknowledged" | "appealed" | "final";
            percent: number | null;
            passed: boolean;
            /** Format: date-time */
            visited_at: string | null;
            duration_min: number | null;
            served_by: string;
            served_by_id: number | null;
            served_by_name: string;
            dialled: string;
            spent: number | null;
            /** @enum {string} */
            claim: "none" | "pending" | "approved" | "rejected";
            claim_reason: string;
            claim_decided_by: number | null;
            /** Format: date-time */
            claim_decided_at: string | null;
            receipts: number;
            /** Format: date-time */
            created_at: string;
        };
        MysteryVisitDetail: components["schemas"]["MysteryVisit"] & {
            scenario: components["schemas"]["MysteryScenario"];
            receipt_files: components["schemas"]["MysteryReceipt"][];
        };
        MysteryReceipt: {
            id: number;
            inspection_id: number;
            /** @enum {string} */
            content_type: "image/jpeg" | "image/png" | "image/webp";
            size: number;
            sha256: string;
            uploaded_by: number;
            /** Format: date-time */
            uploaded_at: string;
        };
        MysteryCoverage: {
            department_id: number;
            department_name: string;
            wanted: number;
            assigned: number;
            done: number;
        };
        MysteryClaimTotals: {
            visits: number;
            claimed: number;
            pending: number;
            approved: number;
            rejected: number;
        };
        SurveyQuestion: {
            id: string;
            /** @enum {string} */
            kind: "csat" | "nps" | "ces" | "likert" | "single" | "multiple" | "text";
            text: components["schemas"]["ZhEn"];
            required?: boolean;
            options?: components["schemas"]["ZhEn"][];
            /** @description Likert: 5 or 7 */
            points?: number;
        };
        SurveyTemplateInput: {
            name: string;
            active?: boolean;
            title: components["schemas"]["ZhEn"];
            intro?: components["schemas"]["ZhEn"];
            questions: components["schemas"]["SurveyQuestion"][];
        };
        SurveyTemplate: {
            id: number;
            name: string;
            version: number;
            active: boolean;
            title: components["schemas"]["ZhEn"];
            intro: components["schemas"]["ZhEn"];
            questions: components["schemas"]["SurveyQuestion"][];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        SurveyRuleInput: {
            template_id: number;
            /** @enum {string} */
            trigger?: "resolved" | "closed";
            ticket_type?: string;
            channel?: string;
            category_id?: number;
            delay_minutes?: number;
            quiet_days?: number;
            valid_days?: number;
        };
        SurveyRule: {
            id: number;
            template_id: number;
            /** @enum {string} */
            trigger: "resolved" | "closed";
            ticket_type: string | null;
            channel: string | null;
            category_id: number | null;
            delay_minutes: number;
            quiet_days: number;
            valid_days: number;
            active: boolean;
            /** Format: date-time */
            created_at: string;
        };
        SurveySettings: {
            /** @description 基本满意 counts as satisfied */
            basically_satisfied_counts?: boolean;
            /** @description a CSAT answer at or above this counts as satisfied in the satisfaction measures (CSAT % itself is always the share of 4 and 5) */
            csat_satisfied_from?: number;
            /** @description CSAT at or below this opens a follow-up */
            csat_low?: number;
            nps_low?: number;
            ces_low?: number;
            callback_dissatisfied_opens?: boolean;
            follow_up_days?: number;
            /** @description e-mail - one reminder this many days after the invitation mail while unanswered (0 - none) */
            reminder_days?: number;
        };
        SurveyAttribution: {
            department_id: number | null;
            department_name: string;
            staff_id: number | null;
            staff_name: string;
            channel: string;
            category_id: number | null;
            category_name: string;
        };
        SurveyInvitation: {
            id: number;
            template_id: number;
            version: number;
            rule_id: number | null;
            campaign_id: number | null;
            /** @description the campaign's stratum key */
            stratum: string;
            ticket_id: number;
            ticket_number: string;
            ticket_type: string;
            customer_id: number | null;
            customer_email: string;
            /** @enum {string} */
            state: "pending" | "open" | "answered" | "expired";
            has_link: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            send_at: string;
            /** Format: date-time */
            expires_at: string;
            /** Format: date-time */
            answered_at: string | null;
            attribution: components["schemas"]["SurveyAttribution"];
        };
        SurveyCampaignInput: {
            /** @description required for a new campaign */
            name?: string;
            template_id: number;
            /**
             * Format: date-time
             * @description tickets created at or after
             */
            from: string;
            /**
             * Format: date-time
             * @description tickets created before
             */
            to: string;
            /** @description with their subtrees; empty - any */
            department_ids?: number[];
            category_ids?: number[];
            tiers?: string[];
            /** @enum {string} */
            stratify_by?: "none" | "department" | "tier";
            /** @description the half-width wanted, default 0.05 */
            margin?: number;
            /** @description default 0.95 */
            confidence?: number;
            /** @description the expected rate, default 0.5 */
            proportion?: number;
            seed?: number;
            /** Format: date-time */
            send_at?: string;
            valid_days?: number;
        };
        SurveyStratum: {
            /** @description department id, tier, or empty when unstratified */
            key: string;
            label: string;
            population: number;
            sample: number;
        };
        SurveyCampaign: {
            id: number;
            name: string;
            template_id: number;
            version: number;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            department_ids: number[];
            category_ids: number[];
            tiers: string[];
            /** @enum {string} */
            stratify_by: "none" | "department" | "tier";
            margin: number;
            confidence: number;
            proportion: number;
            seed: number;
            population: number;
            sample_size: number;
            strata: components["schemas"]["SurveyStratum"][];
            /** Format: date-time */
            send_at: string;
            valid_days: number;
            /** Format: date-time */
            created_at: string;
        };
        SurveyStratumProgress: {
            /** @description "*" for the total */
            key: string;
            label: string;
            population: number;
            invited: number;
            sent: number;
            answered: number;
            expired: number;
            response_rate: components["schemas"]["SurveyRate"];
        };
        SurveyRate: {
            successes: number;
            n: number;
            p: number | null;
            low: number | null;
            high: number | null;
            small_sample: boolean;
        };
        SurveyNps: {
            /** @description -100..100 */
            score: number | null;
            n: number;
            promoters: number;
            passives: number;
            detractors: number;
            promoter_rate: components["schemas"]["SurveyRate"];
            detractor_rate: components["schemas"]["SurveyRate"];
            small_sample: boolean;
        };
        SurveyGroup: {
            key: string;
            label: string;
            satisfaction: components["schemas"]["SurveyRate"];
            csat: components["schemas"]["SurveyRate"];
            nps: components["schemas"]["SurveyNps"];
        };
        SurveyQuestionResult: {
            id: string;
            kind: string;
            text: components["schemas"]["ZhEn"];
            answered: number;
            distribution: {
                value: number;
                count: number;
            }[];
            texts: string[];
        };
        SurveyResults: {
            invitations: number;
            response_rate: components["schemas"]["SurveyRate"];
            csat: components["schemas"]["SurveyRate"];
            nps: components["schemas"]["SurveyNps"];
            ces: {
                mean: number | null;
                n: number;
            };
            callback: components["schemas"]["SurveyRate"];
            satisfaction: components["schemas"]["SurveyRate"];
            small_sample_below: number;
            questions: components["schemas"]["SurveyQuestionResult"][];
            by_department: components["schemas"]["SurveyGroup"][];
            by_staff: components["schemas"]["SurveyGroup"][];
            by_channel: components["schemas"]["SurveyGroup"][];
            by_category: components["schemas"]["SurveyGroup"][];
            /** @description External agency answers counted. */
            agency_answers?: number;
        };
        SurveyTopics: {
            topics: {
                /** @example attitude */
                key: string;
                label: components["schemas"]["ZhEn"];
                /**
                 * @example [
                 *       "态度",
                 *       "attitude"
                 *     ]
                 */
                keywords: string[];
            }[];
        };
        SurveyOpenText: {
            /** @enum {string} */
            source: "link" | "agency";
            /** @description The invitation's id */
            id: number;
            /** Format: date-time */
            at: string;
            /** @description As written; show it as text. */
            text: string;
            ticket_number: string;
            department_name: string;
            agency: string;
            topics: string[];
        };
        AgencyImportRejected: {
            error: {
                /** @example invalid */
                code: string;
                message: string;
                field?: string;
                /** @description At most 1,000; `error_count` counts all. */
                errors: {
                    /** @description The line of the file (CSV) or the row of the sheet (XLSX); 0: the file as a whole. */
                    line: number;
                    /** @description The header as the file wrote it; empty for the whole row. */
                    column: string;
                    /** @description The same as column. */
                    field: string;
                    /** @description One English sentence. */
                    message: string;
                    key?: string;
                    args?: {
                        [key: string]: string;
                    };
                }[];
            };
            error_count: number;
        };
        SurveyFollowUp: {
            id: number;
            ticket_id: number;
            ticket_number: string;
            invitation_id: number | null;
            /** @enum {string} */
            source: "survey" | "callback";
            /** @example csat=1 */
            reason: string;
            department_id: number | null;
            owner_id: number | null;
            owner_name: string;
            /** Format: date-time */
            deadline_at: string;
            /** @enum {string|null} */
            outcome: "recontacted" | "satisfied_after_redo" | "rating_withdrawn" | null;
            note: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            closed_at: string | null;
        };
        PublicSurvey: {
            /** @enum {string} */
            state: "open" | "answered" | "expired";
            ticket_number: string;
            /** Format: date-time */
            expires_at: string;
            title?: components["schemas"]["ZhEn"];
            intro?: components["schemas"]["ZhEn"];
            questions?: components["schemas"]["SurveyQuestion"][];
        };
        ZhEn: {
            zh: string;
            en: string;
        };
        MeasureAggregation: {
            /** @enum {string} */
            kind: "count" | "sum" | "mean" | "min" | "max" | "percentile" | "ratio";
            /** @description sum, mean, min, max, percentile: a number, integer or boolean field */
            field?: string;
            /** @description percentile: above 0 and below 100 (linear interpolation) */
            p?: number;
            /** @description ratio: the numerator counts the facts of filter and this */
            numerator_filter?: string;
            /** @description ratio: count the denominator over another source */
            denominator_source?: string;
            /** @description ratio with denominator_source: its filter */
            denominator_filter?: string;
        };
        MeasureDraft: {
            /** @example urgent_closure */
            code: string;
            name: components["schemas"]["ZhEn"];
            definition?: components["schemas"]["ZhEn"];
            /** @example tickets */
            source: string;
            aggregation: components["schemas"]["MeasureAggregation"];
            /** @example cancelled = false and priority <= 2 */
            filter?: string;
            /** @enum {string} */
            unit: "percent" | "per_mille" | "ratio" | "minutes" | "hours" | "count" | "number" | "points";
            /** @enum {string} */
            direction?: "higher" | "lower";
        };
        Measure: components["schemas"]["MeasureDraft"] & {
            ratio?: boolean;
            builtin?: boolean;
        };
        MeasureList: {
            items?: components["schemas"]["Measure"][];
        };
        FactField: {
            name?: string;
            /** @enum {string} */
            type?: "boolean" | "integer" | "number" | "text";
            description?: components["schemas"]["ZhEn"];
        };
        MeasureDetail: components["schemas"]["Measure"] & {
            reference_sql?: string;
            reference_sql_department?: string;
            fields?: components["schemas"]["FactField"][];
        };
        FactSourceList: {
            items?: {
                name?: string;
                description?: components["schemas"]["ZhEn"];
                fields?: components["schemas"]["FactField"][];
            }[];
        };
        MeasureValues: {
            items?: {
                subject_id?: number;
                subject_name?: string;
                value?: number | null;
                no_data?: boolean;
                sample?: number;
                numerator?: number;
                denominator?: number;
            }[];
        };
        FactPage: {
            items?: {
                fact_id?: number;
                ticket_id?: number | null;
                ticket_number?: string | null;
                /** Format: date-time */
                at?: string;
                staff_id?: number | null;
                department_id?: number | null;
                value?: number | null;
                counted?: boolean;
                excluded?: boolean;
                exclusion_reason?: string | null;
            }[];
            next_after?: number | null;
        };
        ExclusionReasonDraft: {
            code: string;
            name: components["schemas"]["ZhEn"];
        };
        ExclusionReason: components["schemas"]["ExclusionReasonDraft"] & {
            active?: boolean;
        };
        ExclusionReasonPatch: {
            active: boolean;
        };
        ExclusionReasonList: {
            items?: components["schemas"]["ExclusionReason"][];
        };
        ExclusionDraft: {
            ticket_id: number;
            reason_code: string;
            evidence: string;
        };
        ExclusionDecision: {
            note?: string;
        };
        Exclusion: {
            id?: number;
            ticket_id?: number;
            ticket_number?: string;
            reason_code?: string;
            evidence?: string;
            /** @enum {string} */
            status?: "requested" | "approved" | "rejected";
            requested_by?: number;
            requested_by_name?: string;
            /** Format: date-time */
            requested_at?: string;
            decided_by?: number | null;
            decided_by_name?: string | null;
            /** Format: date-time */
            decided_at?: string | null;
            decision_note?: string;
        };
        ExclusionList: {
            items?: components["schemas"]["Exclusion"][];
        };
        /**
         * @example {
         *       "error": {
         *         "code": "invalid",
         *         "message": "must not be empty",
         *         "field": "name"
         *       }
         *     }
         */
        Error: {
            error: {
                /**
                 * @description Machine-readable kind of error.
                 * @enum {string}
                 */
                code: "invalid" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "request_timeout" | "conflict" | "payload_too_large" | "unsupported_media_type" | "header_too_large" | "too_many_requests" | "unavailable" | "internal";
                /** @description Explanation for people, in English. */
                message: string;
                /** @description The request field or query parameter at fault, when there is one. */
                field?: string;
                /** @description Stable id of the message (for example `ticket.transition_refused`), present when clients can show the message in the user's language: the web UI looks the key up in its `reasons` catalogue and fills it from `args`. Absent for messages without one; show `message` then. */
                key?: string;
                /** @description The variable parts of the message by name, present with `key`. */
                args?: {
                    [key: string]: string;
                };
                /** @description Present when a request has several problems (a form validated at once): every problem, the first being the error itself; at most 100. */
                errors?: components["schemas"]["FieldProblem"][];
                /** @description With `errors`, how many problems there are in all (more than listed when over 100). */
                error_count?: number;
            };
        };
        FieldProblem: {
            /** @description The request field at fault; absent when the problem is not about one field. */
            field?: string;
            /** @description Explanation for people */
            message: string;
            /** @description Stable id of the message */
            key?: string;
            /** @description The variable parts of the message by name, present with `key`. */
            args?: {
                [key: string]: string;
            };
        };
        /**
         * Format: date-time
         * @description UTC, ISO-8601 with milliseconds, e.g. `2026-11-22T00:57:23.637Z`.
         */
        Timestamp: string;
        Health: {
            /** @enum {string} */
            status: "ok" | "unavailable";
        };
        /** @enum {string} */
        RoleCode: "admin" | "quality" | "executive" | "manager" | "agent" | "engineer" | "evaluator" | "customer";
        /**
         * @description A permission name such as `org.read`, `org.write`, `audit.read`, `tokens.manage`.
         * @example org.read
         */
        Permission: string;
        Role: {
            code: components["schemas"]["RoleCode"];
            permissions: components["schemas"]["Permission"][];
        };
        RoleList: {
            items: components["schemas"]["Role"][];
        };
        /** @description A page of a list; pass `next_cursor` back as `cursor` for the next page. */
        Page: {
            items: unknown[];
            /** @description Null on the last page. */
            next_cursor: string | null;
        };
        LoginRequest: {
            username: string;
            /** Format: password */
            password: string;
        };
        LoginResponse: {
            user: components["schemas"]["Me"];
            /** @description Send as `X-CSRF-Token` on every unsafe request made with the session cookie. */
            csrf_token: string;
        };
        PasswordChange: {
            /** Format: password */
            current_password: string;
            /**
             * Format: password
             * @description 12 to 128 characters of any kind; not a common password or one built on it, not a short pattern repeated, without the username or name (`password.*` keys say which).
             */
            new_password: string;
        };
        Department: {
            /** Format: int64 */
            id: number;
            /**
             * Format: int64
             * @description Null for a root department.
             */
            parent_id: number | null;
            /** @example 技术支持部 */
            name: string;
            /** @example TECH */
            code: string | null;
            active: boolean;
            /** @description Active staff directly in this department. */
            staff_count: number;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        DepartmentCreate: {
            name: string;
            /** Format: int64 */
            parent_id?: number | null;
            code?: string | null;
        };
        DepartmentPatch: {
            name?: string;
            /** Format: int64 */
            parent_id?: number;
            /** @description Null clears the code. */
            code?: string | null;
            active?: boolean;
        };
        DepartmentPage: components["schemas"]["Page"] & {
            items?: components["schemas"]["Department"][];
        };
        Staff: {
            /** Format: int64 */
            id: number;
            /** @example engineer */
            username: string;
            /** @example 技术支持工程师 张伟 */
            display_name: string;
            /**
             * Format: int64
             * @description Null for customers and third-party evaluators.
             */
            department_id: number | null;
            /** @description Empty when there is no department. */
            department_name: string;
            title: string;
            email: string;
            phone: string;
            roles: components["schemas"]["RoleCode"][];
            /** @description For evaluators, the departments (with their subtrees) they may see. */
            scope_department_ids: number[];
            active: boolean;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        Me: components["schemas"]["Staff"] & {
            /** @description Effective permissions; with a bearer token, narrowed to the token's scopes. */
            permissions: components["schemas"]["Permission"][];
            /** @description The session's CSRF token (empty with a bearer token). */
            csrf_token: string;
            /**
             * @description The organisation's time zone (IANA name, `Asia/Shanghai` unless configured): the web shows times in it.
             * @example Asia/Shanghai
             */
            business_zone: string;
        };
        StaffCreate: {
            username: string;
            display_name: string;
            /** Format: int64 */
            department_id?: number | null;
            title?: string;
            email?: string;
            phone?: string;
            roles: components["schemas"]["RoleCode"][];
            /**
             * Format: password
             * @description 12 to 128 characters of any kind; not a common password or one built on it, not a short pattern repeated, without the username or name (`password.*` keys say which).
             */
            password: string;
            scope_department_ids?: number[] | null;
        };
        StaffPatch: {
            display_name?: string;
            /** Format: int64 */
            department_id?: number;
            title?: string;
            email?: string;
            phone?: string;
            roles?: components["schemas"]["RoleCode"][];
            active?: boolean;
            /**
             * Format: password
             * @description Resets the password and ends the account's sessions.
             */
            password?: string;
            scope_department_ids?: number[] | null;
        };
        StaffPage: components["schemas"]["Page"] & {
            items?: components["schemas"]["Staff"][];
        };
        ApiToken: {
            /** Format: int64 */
            id: number;
            /**
             * Format: int64
             * @description The account the token acts as.
             */
            staff_id: number;
            name: string;
            scopes: components["schemas"]["Permission"][];
            created_at: components["schemas"]["Timestamp"];
            /** Format: date-time */
            expires_at: string | null;
            /** Format: date-time */
            revoked_at: string | null;
            /** Format: date-time */
            last_used_at: string | null;
        };
        ApiTokenCreate: {
            name: string;
            /**
             * Format: int64
             * @description The account the token acts as; default the caller.
             */
            staff_id?: number;
            scopes: components["schemas"]["Permission"][];
            /**
             * Format: date-time
             * @description Optional expiry in the future, ISO-8601 with a zone.
             */
            expires_at?: string;
        };
        ApiTokenCreated: components["schemas"]["ApiToken"] & {
            /** @description The secret (`sqm_...`), shown only in this answer; only its hash is stored. */
            token: string;
        };
        ApiTokenPage: components["schemas"]["Page"] & {
            items?: components["schemas"]["ApiToken"][];
        };
        Event: {
            /**
             * Format: int64
             * @description Position in the log; strictly increasing.
             */
            seq: number;
            at: components["schemas"]["Timestamp"];
            /** @description Username of whoever caused it; `system` for the command line. */
            actor: string;
            /** @example department */
            entity: string;
            /** @example 12 */
            entity_id: string;
            /** @example department.created */
            type: string;
            /** @description Event details; for updates, `{field: {from, to}}`. */
            data: {
                [key: string]: unknown;
            };
            /** @description Hash over this event and its predecessor's hash. */
            hash: string;
        };
        EventPage: components["schemas"]["Page"] & {
            items?: components["schemas"]["Event"][];
        };
        /**
         * @description 咨询 consultation, 服务请求 request, 故障 incident, 投诉 complaint, 建议 suggestion.
         * @enum {string}
         */
        TicketType: "consultation" | "request" | "incident" | "complaint" | "suggestion";
        /** @enum {string} */
        TicketChannel: "phone" | "email" | "chat" | "portal" | "walk_in" | "api";
        /**
         * @description P1 is the most urgent.
         * @enum {string}
         */
        TicketPriority: "P1" | "P2" | "P3" | "P4";
        /**
         * @description `new` (registered, not taken), `accepted` (受理), `in_progress`, `waiting_customer` (timers
         *     paused), `resolved` (callback pending), `callback_done` (回访 recorded), `closed`, `cancelled`,
         *     `merged` (a duplicate of another ticket).
         * @enum {string}
         */
        TicketStatus: "new" | "accepted" | "in_progress" | "waiting_customer" | "resolved" | "callback_done" | "closed" | "cancelled" | "merged";
        /** @enum {string} */
        TicketActionName: "accept" | "respond" | "start" | "wait" | "resume" | "resolve" | "callback" | "close" | "reopen" | "cancel" | "merge" | "transfer" | "escalate" | "assign" | "comment";
        /**
         * @description 服务态度 attitude, 办事效率 efficiency, 专业能力 professionalism, 处理结果 outcome, 环境设施 facilities, other.
         * @enum {string}
         */
        ComplaintCategory: "attitude" | "efficiency" | "professionalism" | "outcome" | "facilities" | "other";
        Ticket: {
            /** Format: int64 */
            id: number;
            /** @example T000123 */
            number: string;
            type: components["schemas"]["TicketType"];
            channel: components["schemas"]["TicketChannel"];
            priority: components["schemas"]["TicketPriority"];
            status: components["schemas"]["TicketStatus"];
            title: string;
            description: string;
            /** Format: int64 */
            customer_id: number | null;
            /** @description Empty without a customer. */
            customer_name: string;
            /** Format: int64 */
            category_id: number | null;
            category_name: string;
            /**
             * Format: int64
             * @description Null while in the intake queue (e.g. from the portal).
             */
            department_id: number | null;
            department_name: string;
            /** Format: int64 */
            assignee_id: number | null;
            assignee_name: string;
            /** Format: int64 */
            merged_into: number | null;
            cancel_reason: string;
            transfer_count: number;
            /** @description Transfers back to the department the ticket came from (回退). */
            sendback_count: number;
            reopen_count: number;
            /** @description 0 none, 1 technical support, 2 manager. */
            escalation_level: number;
            /**
             * Format: int64
             * @description The SLA policy applied at registration; null when none matched.
             */
            sla_policy_id: number | null;
            sla_policy_version: number;
            /** @description The applied policy's targets in words (English; the UI builds its own sentence from `sla_policy_name` and the explanation). */
            sla_summary: string;
            /** @description Name of the applied policy at its applied version; null when none applied. */
            sla_policy_name?: string | null;
            /**
             * @description At the time of the request, by the same rules as the `sla_state` filter: breached (a timer breached or past due), else warning (a running timer past its warning time), else paused, else ok; null when the ticket has no SLA timers (the `ok` filter includes those).
             * @enum {string|null}
             */
            sla_state?: "ok" | "warning" | "breached" | "paused" | null;
            created_at: components["schemas"]["Timestamp"];
            /** Format: date-time */
            accepted_at: string | null;
            /** Format: date-time */
            first_response_at: string | null;
            /** Format: date-time */
            resolved_at: string | null;
            /** Format: date-time */
            closed_at: string | null;
            updated_at: components["schemas"]["Timestamp"];
        };
        TicketPage: components["schemas"]["Page"] & {
            items?: components["schemas"]["Ticket"][];
        };
        TicketRegistered: components["schemas"]["Ticket"] & {
            /** @description Open tickets of the same customer (and category) from the last 7 days, newest first, at most 5. */
            possible_duplicates: components["schemas"]["Ticket"][];
        };
        ComplaintCreate: {
            category: components["schemas"]["ComplaintCategory"];
            /**
             * Format: int64
             * @description The person complained about.
             */
            about_staff_id?: number | null;
            /**
             * Format: int64
             * @description The department complained about.
             */
            about_department_id?: number | null;
            /**
             * @description 1 minor, 2 normal, 3 serious.
             * @default 2
             */
            severity?: number;
            /**
             * Format: int64
             * @description Who handles the complaint.
             */
            responsible_id?: number | null;
            /**
             * Format: date-time
             * @description ISO-8601 with a zone.
             */
            deadline_at?: string;
        };
        /**
         * @description What a registration must carry, from the desk's rules: for each ticket type the API fields
         *     it requires (`complaint.category` is the category inside the `complaint` object), and the
         *     length limits of the form's text fields in characters.
         */
        TicketForm: {
            types: {
                type: components["schemas"]["TicketType"];
                /**
                 * @example [
                 *       "title",
                 *       "customer_id",
                 *       "description",
                 *       "complaint.category"
                 *     ]
                 */
                required: string[];
            }[];
            limits: {
                /** @example 200 */
                title: number;
                /** @example 20000 */
                description: number;
            };
        };
        /**
         * @example {
         *       "type": "incident",
         *       "channel": "phone",
         *       "priority": "P2",
         *       "title": "无法登录网上营业厅",
         *       "description": "客户反映输入密码后页面无响应",
         *       "customer_id": 42,
         *       "category_id": 7
         *     }
         */
        TicketCreate: {
            type: components["schemas"]["TicketType"];
            channel: components["schemas"]["TicketChannel"];
            /** @description Default P3. */
            priority?: components["schemas"]["TicketPriority"];
            title: string;
            /** @description Required for incidents and complaints. */
            description?: string;
            /**
             * Format: int64
             * @description Required for requests, incidents and complaints.
             */
            customer_id?: number | null;
            /**
             * Format: int64
             * @description An active category; required for requests and incidents.
             */
            category_id?: number | null;
            /**
             * Format: int64
             * @description Default the caller's department.
             */
            department_id?: number | null;
            /**
             * Format: int64
             * @description Registers the ticket as accepted by this person (notified).
             */
            assignee_id?: number | null;
            /** @description Required for a complaint. */
            complaint?: components["schemas"]["ComplaintCreate"] | null;
        };
        PortalComplaintCreate: {
            category: components["schemas"]["ComplaintCategory"];
            /** Format: int64 */
            about_staff_id?: number | null;
            /** Format: int64 */
            about_department_id?: number | null;
            /** @default 2 */
            severity?: number;
        };
        PortalTicketCreate: {
            type: components["schemas"]["TicketType"];
            /** @description Default P3. */
            priority?: components["schemas"]["TicketPriority"];
            title: string;
            description?: string;
            /** Format: int64 */
            category_id?: number | null;
            complaint?: components["schemas"]["PortalComplaintCreate"] | null;
        };
        PortalReply: {
            body: string;
        };
        /**
         * @description The fields each action reads are listed in the operation's description; the others are ignored.
         * @example {
         *       "department_id": 4,
         *       "note": "需要技术支持排查服务器日志"
         *     }
         */
        TicketActionInput: {
            /** @description The reply, note or reason. */
            note?: string;
            /**
             * @description `comment`: an internal note the customer never sees.
             * @default false
             */
            internal?: boolean;
            /**
             * Format: int64
             * @description `transfer`, `escalate` (technical): the receiving department.
             */
            department_id?: number;
            /**
             * Format: int64
             * @description `assign`; `transfer`: the receiving person.
             */
            assignee_id?: number;
            /**
             * Format: int64
             * @description `merge`: the ticket that stays.
             */
            merge_into?: number;
            /** @enum {string} */
            escalation?: "technical" | "manager";
            /** @description `callback`: whether the customer was reached. */
            reached?: boolean;
            /**
             * @description `callback`: 解决 / 部分解决 / 未解决; `not_resolved` reopens the ticket.
             * @enum {string}
             */
            resolved?: "resolved" | "partly" | "not_resolved";
            /**
             * @default not_rated
             * @enum {string}
             */
            satisfaction?: "satisfied" | "basically_satisfied" | "dissatisfied" | "not_rated";
        };
        TicketComment: {
            /** Format: int64 */
            id: number;
            /** @description The author's display name (null on the portal). */
            author: string | null;
            /** @enum {string} */
            visibility: "public" | "internal";
            body: string;
            created_at: components["schemas"]["Timestamp"];
        };
        TicketTimelineEntry: {
            /**
             * Format: int64
             * @description The audit event's sequence number.
             */
            seq: number;
            at: components["schemas"]["Timestamp"];
            /** @description Username (empty on the portal). */
            actor: string;
            /**
             * @description `ticket.created`, `ticket.<action>`, `ticket.customer_replied`, `ticket.complaint_updated`, `ticket.escalated`, `ticket.callback_attempted`.
             * @example ticket.transfer
             */
            type: string;
            /** @description Details, e.g. `{from, to, note}` for status changes (`{}` on the portal). */
            data: {
                [key: string]: unknown;
            };
        };
        /** @description An SLA timer of the ticket, with its state at the time of the request. */
        TicketTimer: {
            /** Format: int64 */
            id: number;
            /** @enum {string} */
            kind: "first_response" | "resolution" | "callback" | "handover";
            /**
             * Format: int64
             * @description For `handover`: the transfer measured; 0 otherwise.
             */
            transfer_id: number;
            /** Format: int64 */
            policy_id: number;
            policy_version: number;
            /**
             * Format: int64
             * @description Target in business minutes.
             */
            target_minutes: number;
            /** @description Code of the business calendar. */
            calendar: string;
            started_at: components["schemas"]["Timestamp"];
            /** Format: date-time */
            stopped_at: string | null;
            pauses: {
                from: components["schemas"]["Timestamp"];
                /**
                 * Format: date-time
                 * @description Null while the pause lasts.
                 */
                to: string | null;
            }[];
            /** @enum {string} */
            state: "running" | "paused" | "met" | "breached";
            /**
             * Format: date-time
             * @description Null while paused before the due time.
             */
            due_at: string | null;
            /** Format: date-time */
            warning_at: string | null;
            warning_reached: boolean;
            /**
             * Format: int64
             * @description Negative once overrun.
             */
            remaining_business_ms: number;
            /** Format: int64 */
            elapsed_business_ms: number;
            /** Format: int64 */
            paused_business_ms: number;
            /** Format: int64 */
            overrun_business_ms: number;
            /** Format: int64 */
            overrun_wall_ms: number;
        };
        TicketCallback: {
            /** Format: int64 */
            id: number;
            /** Format: int64 */
            ticket_id: number;
            created_at: components["schemas"]["Timestamp"];
            /** Format: date-time */
            due_at: string | null;
            /** Format: date-time */
            done_at: string | null;
            /**
             * Format: int64
             * @description Staff id.
             */
            done_by: number | null;
            reached: boolean | null;
            /** @enum {string|null} */
            resolved: "resolved" | "partly" | "not_resolved" | null;
            /** @enum {string|null} */
            satisfaction: "satisfied" | "basically_satisfied" | "dissatisfied" | "not_rated" | null;
            notes: string;
        };
        Complaint: {
            category: components["schemas"]["ComplaintCategory"];
            /** Format: int64 */
            about_staff_id: number | null;
            /** Format: int64 */
            about_department_id: number | null;
            severity: number;
            /** Format: int64 */
            responsible_id: number | null;
            /** Format: date-time */
            deadline_at: string | null;
            /** @description What the investigation found. */
            findings: string;
            /** @description Null until decided. */
            substantiated: boolean | null;
            remedy: string;
            /**
             * Format: date-time
             * @description When the outcome was told to the customer.
             */
            communicated_at: string | null;
            communicated_how: string;
        };
        /**
         * @example {
         *       "findings": "坐席未按规范致歉",
         *       "substantiated": true,
         *       "remedy": "赠送话费补偿并回访致歉"
         *     }
         */
        ComplaintPatch: {
            category?: components["schemas"]["ComplaintCategory"];
            /** Format: int64 */
            about_staff_id?: number | null;
            /** Format: int64 */
            about_department_id?: number | null;
            /**
             * Format: int64
             * @description Notified when set to someone else.
             */
            responsible_id?: number | null;
            severity?: number;
            /** Format: date-time */
            deadline_at?: string | null;
            findings?: string;
            substantiated?: boolean | null;
            remedy?: string;
            /** Format: date-time */
            communicated_at?: string | null;
            communicated_how?: string;
        };
        TicketView: components["schemas"]["Ticket"] & {
            /** @description Public replies and internal notes, oldest first. */
            comments: components["schemas"]["TicketComment"][];
            /** @description The ticket's audit events, oldest first. */
            timeline: components["schemas"]["TicketTimelineEntry"][];
            /** @description The actions allowed in the current status. */
            allowed_actions: components["schemas"]["TicketActionName"][];
            timers: components["schemas"]["TicketTimer"][];
            callbacks: components["schemas"]["TicketCallback"][];
            /** @description Null unless the ticket is a complaint. */
            complaint: components["schemas"]["Complaint"] | null;
        };
        PortalTicketView: components["schemas"]["Ticket"] & {
            /** @description Public comments only; `author` is null. */
            comments: components["schemas"]["TicketComment"][];
            /** @description Event types and times; `actor` is empty and `data` is `{}`. */
            timeline: components["schemas"]["TicketTimelineEntry"][];
        };
        Customer: {
            /** Format: int64 */
            id: number;
            name: string;
            /** @enum {string} */
            kind: "person" | "organisation";
            /** Format: int64 */
            organisation_id: number | null;
            organisation_name: string;
            /**
             * @description Service tier or contract (`standard`, `gold`, `vip`, ...); SLA policies may match on it.
             * @example gold
             */
            tier: string;
            phone: string;
            email: string;
            /**
             * Format: int64
             * @description The linked portal login.
             */
            account_id: number | null;
            created_at: components["schemas"]["Timestamp"];
            /** @description Phone and e-mail are masked for this caller (need-to-know, docs/security.md). */
            contact_masked: boolean;
        };
        CustomerCreate: {
            name: string;
            /**
             * @default person
             * @enum {string}
             */
            kind?: "person" | "organisation";
            /** Format: int64 */
            organisation_id?: number | null;
            /** @default standard */
            tier?: string;
            phone?: string;
            email?: string;
            /** Format: int64 */
            account_id?: number | null;
        };
        CustomerPage: components["schemas"]["Page"] & {
            items?: components["schemas"]["Customer"][];
        };
        TicketCategory: {
            /** Format: int64 */
            id: number;
            /** Format: int64 */
            parent_id: number | null;
            /** @example 账号与登录 */
            name: string;
            active: boolean;
        };
        TicketCategoryCreate: {
            name: string;
            /** Format: int64 */
            parent_id?: number | null;
        };
        TicketCategoryPage: components["schemas"]["Page"] & {
            items?: components["schemas"]["TicketCategory"][];
        };
        AttainmentRate: {
            /** Format: int64 */
            met: number;
            /**
             * Format: int64
             * @description Timers decided in the period: met, or breached (the breach fired); approved exclusions left out.
             */
            total: number;
            /** @description met / total; null when total is 0. */
            rate: number | null;
        };
        DeskDashboard: {
            /** @description Tickets in each not-yet-finished status (every key is present). */
            open_by_status: {
                new: number;
                accepted: number;
                in_progress: number;
                waiting_customer: number;
                resolved: number;
            };
            /** @description Tickets with a running timer past its warning time and not yet due. */
            warnings_now: number;
            /** @description Tickets with an open timer past its due time. */
            breaches_now: number;
            attainment: {
                /** @enum {string} */
                period: "today" | "week" | "month";
                first_response: components["schemas"]["AttainmentRate"];
                resolution: components["schemas"]["AttainmentRate"];
            }[];
            by_department: {
                /**
                 * Format: int64
                 * @description Null for the intake queue.
                 */
                department_id: number | null;
                department_name: string;
                /** @description Open tickets this department holds now (exactly this department). */
                open: number;
                /** @description Of them, those with an open timer past due. */
                breached: number;
                /** @description This month, the department with its subtree (first_response_attainment as a fraction); null when nothing was decided, for the intake queue and outside the caller's scope. */
                first_response_rate: number | null;
                /** @description This month, as first_response_rate (resolution_attainment). */
                resolution_rate: number | null;
            }[];
            at: components["schemas"]["Timestamp"];
        };
        ComplaintSummary: {
            from: components["schemas"]["Timestamp"];
            to: components["schemas"]["Timestamp"];
            total: number;
            open: number;
            /** @description Open past the complaint's deadline. */
            overdue: number;
            substantiated: number;
            /** @description Most frequent first. */
            by_category: {
                category: components["schemas"]["ComplaintCategory"];
                count: number;
            }[];
            /** @description By the department complained about (null when not recorded). */
            by_department: {
                /** Format: int64 */
                department_id: number | null;
                department_name: string;
                count: number;
            }[];
            repeat_complainants: {
                /** Format: int64 */
                customer_id: number;
                customer_name: string;
                count: number;
            }[];
            weekly: {
                week_start: components["schemas"]["Timestamp"];
                count: number;
            }[];
        };
        CallbackQueueItem: {
            /** Format: int64 */
            id: number;
            /** Format: int64 */
            ticket_id: number;
            ticket_number: string;
            ticket_title: string;
            customer_name: string;
            /** Format: date-time */
            due_at: string | null;
            /** Format: date-time */
            done_at: string | null;
            reached: boolean | null;
            /** @enum {string|null} */
            resolved: "resolved" | "partly" | "not_resolved" | null;
            /** @enum {string|null} */
            satisfaction: "satisfied" | "basically_satisfied" | "dissatisfied" | "not_rated" | null;
            notes: string;
            /** @description Display name of who recorded it; empty while open. */
            done_by: string;
            overdue: boolean;
        };
        CallbackQueuePage: components["schemas"]["Page"] & {
            items?: components["schemas"]["CallbackQueueItem"][];
        };
        Notification: {
            /** Format: int64 */
            id: number;
            /**
             * @description `assigned`, `transferred`, `sent_back`, `escalated`, `customer_replied`, `complaint_responsible`, `sla_warning`, `sla_breach` (about a ticket); `calendar_run_out` (to administrators, no ticket: a calendar of an active SLA policy runs out of holiday data within 60 days; args `name`, `code`, `last_day`, `next_year`); `assessment_yellow_card` (no ticket: a published assessment period gave a yellow card; to the staff member and the nearest managers above, or to a department's managers and those above it; args `period`, `name`, `total`, `rank`, `period_id`, `assessee_id`).
             * @example transferred
             */
            kind: string;
            /** Format: int64 */
            ticket_id: number | null;
            /** @description English text. */
            message: string;
            /**
             * @description `notification.<kind>`: the message key the UI translates.
             * @example notification.transferred
             */
            key: string;
            /** @description The message's parts: `number` and `title` of the ticket, plus `note` (transfers) or `timerKind` (SLA). */
            args: {
                [key: string]: string;
            };
            created_at: components["schemas"]["Timestamp"];
            /** Format: date-time */
            read_at: string | null;
        };
        NotificationList: {
            items: components["schemas"]["Notification"][];
            /** @description All unread notifications of the caller, not only this page. */
            unread_count: number;
        };
        TicketSavedView: {
            /** Format: int64 */
            id: number;
            name: string;
            /**
             * @description Query parameters of `GET /api/v1/tickets`.
             * @example {
             *       "status": "new,accepted",
             *       "sla_state": "warning"
             *     }
             */
            filters: {
                [key: string]: unknown;
            };
            created_at: components["schemas"]["Timestamp"];
        };
        TicketSavedViewCreate: {
            name: string;
            /** @description At most 4000 bytes as JSON. */
            filters: {
                [key: string]: unknown;
            };
        };
        TicketViewList: {
            items: components["schemas"]["TicketSavedView"][];
        };
        /**
         * @description Working time on a local day, `[start, end)` as `HH:MM`; `24:00` is the end of the day.
         * @example [
         *       "09:00",
         *       "12:00"
         *     ]
         */
        HoursInterval: string[];
        /**
         * @description A dated local day: a holiday (closed all day) or a make-up working day (调休上班), worked
         *     with `hours`, with the weekly hours of `hours_of`, or with neither: with Monday's hours.
         */
        CalendarException: {
            /**
             * Format: date
             * @example 2027-01-01
             */
            date: string;
            /** @enum {string} */
            kind: "holiday" | "workday";
            /** @example 元旦 */
            name?: string;
            /** @enum {string} */
            hours_of?: "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
            hours?: components["schemas"]["HoursInterval"][];
        };
        /**
         * @description A business calendar: the working hours of each weekday in its own IANA time zone, plus
         *     dated exceptions. An `always_open` calendar (24x7) has neither week nor exceptions.
         */
        Calendar: {
            /** @example cn-mainland */
            code: string;
            /** @example 中国大陆工作日 */
            name: string;
            /**
             * @description An IANA zone name.
             * @example Asia/Shanghai
             */
            time_zone: string;
            /** @default false */
            always_open?: boolean;
            /** @description Working intervals per weekday, sorted and not overlapping; a missing or empty day is closed. */
            week?: {
                mon?: components["schemas"]["HoursInterval"][];
                tue?: components["schemas"]["HoursInterval"][];
                wed?: components["schemas"]["HoursInterval"][];
                thu?: components["schemas"]["HoursInterval"][];
                fri?: components["schemas"]["HoursInterval"][];
                sat?: components["schemas"]["HoursInterval"][];
                sun?: components["schemas"]["HoursInterval"][];
            };
            exceptions?: components["schemas"]["CalendarException"][];
            /** @description Seeded from the built-ins (editable all the same). Ignored in requests. */
            readonly builtin?: boolean;
            /** @description Ignored in requests. */
            readonly updated_at?: components["schemas"]["Timestamp"];
            /** @description The years whose public holidays and make-up working days the calendar knows: every day from 1 January of the year of its earliest exception to 31 December of the year of its latest (holiday data comes a whole year at a time). Past them it applies only its weekly hours and counts holidays as working days. Null for a calendar without dated exceptions (always open, or one that observes no holidays): it never runs out. Ignored in requests. */
            readonly known_years?: {
                /** @example 2025 */
                first: number;
                /** @example 2026 */
                last: number;
                /** @description Local midnight (in the calendar's zone) starting 1 January of `last` + 1. */
                runs_out_at: components["schemas"]["Timestamp"];
                /** @description 60 local days before `runs_out_at`: from then on administrators are notified once (`calendar_run_out`) when an active SLA policy uses the calendar, and the SLA policy page warns. */
                notice_at: components["schemas"]["Timestamp"];
            } | null;
        };
        CalendarPage: {
            items: components["schemas"]["Calendar"][];
            next_cursor: string | null;
        };
        CalendarImported: components["schemas"]["Calendar"] & {
            imported: {
                /** @description Dates that had no exception before. */
                added: number;
                /** @description Dates whose exception the import replaced. */
                replaced: number;
            };
        };
        CalendarDue: {
            /**
             * Format: date-time
             * @description Local time in the calendar's zone with its offset; milliseconds only when not zero. For 0 minutes, the start itself (nothing has to elapse, in working hours or not).
             * @example 2026-10-09T10:00:00+08:00
             */
            due: string;
            /** @description Present when the answer depends on a local day outside the calendar's `known_years`, where it counted the weekly hours only (key `calendar.beyond_known_years`, args `code`, `first`, `last`). The due time is still computed. */
            warning?: components["schemas"]["KeyedMessage"];
        };
        /** @description A message the web UI shows in the reader's language (as in `Error`). */
        KeyedMessage: {
            /** @description Explanation for people */
            message: string;
            /** @description Stable id of the message, looked up in the `reasons` catalogue. */
            key: string;
            /** @description The variable parts of the message by name. */
            args: {
                [key: string]: string;
            };
        };
        /** @enum {string} */
        SlaTimerKind: "first_response" | "resolution" | "callback" | "handover";
        /** @enum {string} */
        SlaPriority: "P1" | "P2" | "P3" | "P4";
        SlaTarget: {
            kind: components["schemas"]["SlaTimerKind"];
            business_minutes: number;
            /** @example cn-mainland */
            calendar_code: string;
        };
        /** @description Which tickets the policy governs; an unset (or null) criterion matches every ticket. The most specific matching active policy wins. */
        SlaMatch: {
            /** @example incident */
            ticket_type?: string | null;
            priority?: components["schemas"]["SlaPriority"] | null;
            /** @example phone */
            channel?: string | null;
            /**
             * Format: int64
             * @description This category or any category below it.
             */
            category_id?: number | null;
            /** @example vip */
            customer_tier?: string | null;
        };
        SlaPolicyInput: {
            name: string;
            match?: components["schemas"]["SlaMatch"];
            /** @description At most one per kind. */
            targets: components["schemas"]["SlaTarget"][];
            /**
             * @description Warn when this share of a target's business time is used.
             * @default 0.75
             */
            warning_fraction?: number;
            /**
             * Format: int64
             * @description When a target of this policy is breached, the open ticket is reassigned to this active staff member (an `ticket.assign` event and an `escalated` notification), besides the priority raise and the notice to the next level. 400 on this field for an unknown or inactive person.
             */
            breach_assignee_id?: number | null;
            /** @default true */
            active?: boolean;
        };
        SlaPolicy: {
            /** Format: int64 */
            id: number;
            /** @description Every save makes a new version; running timers keep theirs. */
            version: number;
            name: string;
            match: components["schemas"]["SlaMatch"];
            targets: components["schemas"]["SlaTarget"][];
            warning_fraction: number;
            /** Format: int64 */
            breach_assignee_id?: number | null;
            active: boolean;
        };
        SlaPolicyPage: {
            items: components["schemas"]["SlaPolicy"][];
            next_cursor: string | null;
        };
        /** @description What is known about a ticket when its policy is chosen; everything optional. */
        SlaTicketFacts: {
            /** @example incident */
            ticket_type?: string;
            priority?: components["schemas"]["SlaPriority"];
            /** @example phone */
            channel?: string;
            /** Format: int64 */
            category_id?: number;
            /** @description The category and its ancestors, root first (ends with `category_id` when both are given). */
            category_path?: number[];
            /** @example vip */
            customer_tier?: string;
        };
        SlaCandidate: {
            /** Format: int64 */
            policy_id: number;
            policy_version: number;
            policy_name: string;
            /** @enum {string} */
            verdict: "applied" | "inactive" | "not_matching" | "less_specific" | "lost_tie_break";
            /** @description Criteria the policy sets. */
            specificity: number;
            /** @description 1-based depth of the matched category on the ticket's path; 0 when none. */
            category_depth: number;
            checks: {
                /** @enum {string} */
                criterion: "category" | "customer_tier" | "ticket_type" | "priority" | "channel";
                wanted: string;
                /** @description The ticket's value; empty when unknown; a category path as `1/5/12`. */
                actual: string;
                matched: boolean;
            }[];
            /** @description For lost_tie_break, the criterion that decided; null when the lower id won. */
            decided_by: string | null;
            /** @description One English sentence. */
            reason: string;
        };
        SlaExplanation: {
            /** Format: int64 */
            policy_id: number | null;
            policy_version: number | null;
            policy: components["schemas"]["SlaPolicy"] | null;
            /** @example policy #3 "P1 incidents" v2 applied because ticket_type=incident, priority=P1 matched */
            summary: string;
            candidates: components["schemas"]["SlaCandidate"][];
        };
        /**
         * @example {
         *       "line": 3,
         *       "column": "渠道",
         *       "reason": "unknown channel 'fax'; use phone, email, chat, portal, walk_in or api (电话, 邮件, 在线, 门户, 现场, 接口)",
         *       "key": "import.unknown_channel",
         *       "args": {
         *         "value": "fax"
         *       }
         *     }
         */
        TicketImportError: {
            /** @description CSV physical line or XLSX row number (the header is line 1); 0 for the file as a whole. */
            line: number;
            /** @description The column as the file names it (a header as written); empty for the whole row. */
            column: string;
            /** @description One English sentence. */
            reason: string;
            /** @description Stable id of the reason (`import.unknown_channel`, ...; a refusal by the desk while applying has the desk's key), present when a client can show the reason in the user's language: the web UI looks it up in its `reasons` catalogue and fills it from `args`. Absent otherwise; show `reason`. */
            key?: string;
            /** @description The variable parts of the reason by name, present with `key` (`value`: the cell as written, cut to 60 characters; `type`, `channel`, ...: an enum value). */
            args?: {
                [key: string]: string;
            };
        };
        TicketImportJob: {
            /** Format: int64 */
            id: number;
            /** @enum {string} */
            status: "validating" | "applying" | "done" | "failed";
            filename: string;
            /** @enum {string} */
            format: "csv" | "xlsx";
            /** @description Rows read so far while validating; all data rows after. */
            total: number;
            /** @description Rows replayed so far while applying. */
            done: number;
            errors: components["schemas"]["TicketImportError"][];
            error_count: number;
            created_tickets: number;
            /** Format: int64 */
            first_ticket_id?: number | null;
            /** Format: int64 */
            last_ticket_id?: number | null;
            started_at: components["schemas"]["Timestamp"];
            finished_at?: components["schemas"]["Timestamp"] | null;
        };
        TicketBulkCreated: {
            created: number;
            tickets: {
                line: number;
                /** Format: int64 */
                id: number;
                /** @example T001001 */
                number: string;
                external_id: string | null;
            }[];
        };
        TicketBulkRejected: {
            error: {
                /** @example invalid */
                code: string;
                message: string;
                field?: string;
            };
            errors: {
                /** @description Physical line of the body */
                line: number;
                /** @description The JSON key at fault (`complaint.category` inside the complaint); empty for the whole line. */
                field: string;
                /** @description One English sentence. */
                reason: string;
                /** @description Stable id of the reason, as in `TicketImportError`; absent when the reason has none. */
                key?: string;
                /** @description The variable parts of the reason by name, present with `key`. */
                args?: {
                    [key: string]: string;
                };
            }[];
            error_count: number;
        };
        /**
         * @description Rows of numbers, every row as long as the first. Rows are alternatives (assessees), columns criteria.
         * @example [
         *       [
         *         1,
         *         3
         *       ],
         *       [
         *         0.3333333333,
         *         1
         *       ]
         *     ]
         */
        Matrix: number[][];
        MatrixRequest: {
            matrix: components["schemas"]["Matrix"];
        };
        AhpRequest: {
            matrix: components["schemas"]["Matrix"];
            /**
             * @default eigenvector
             * @enum {string}
             */
            method?: "eigenvector" | "geometric_mean";
            /** @description Random index RI by n from n = 1 (default Saaty's 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59). */
            ri_table?: number[];
        };
        AhpResult: {
            /** @enum {string} */
            method: "eigenvector" | "geometric_mean";
            /** @description Adding up to 1. */
            weights: number[];
            lambda_max: number;
            /** @description 0 for n <= 2. */
            ci: number;
            /** @description 0 for n <= 2. */
            cr: number;
            ri: number;
            /** @description CR < 0.1. */
            consistent: boolean;
        };
        WeightsResult: {
            weights: number[];
        };
        TopsisRequest: {
            matrix: components["schemas"]["Matrix"];
            /** @description One per column, >= 0, adding up to 1. */
            weights: number[];
            /** @description One per column; false for a cost criterion. Default all true. */
            benefit?: boolean[];
        };
        TopsisResult: {
            closeness: number[];
            /** @description 1 = closest to the ideal; ties share a rank. */
            rank: number[];
            ideal: number[];
            anti_ideal: number[];
            distance_ideal: number[];
            distance_anti_ideal: number[];
        };
        RsrRequest: {
            matrix: components["schemas"]["Matrix"];
            /** @description One per column; false for a cost criterion. Default all true. */
            benefit?: boolean[];
            /** @description One per column adding up to 1 (weighted RSR); default equal. */
            weights?: number[];
            /**
             * @default integer
             * @enum {string}
             */
            ranks?: "integer" | "non_integer";
            /** @default 3 */
            tiers?: number;
        };
        RsrResult: {
            /** @description Per row; larger is better. */
            rsr: number[];
            probit: number[];
            regression: {
                a: number;
                b: number;
                r2: number;
            };
            /** @description 1 = best. */
            tier: number[];
            /** @description a + b x probit per row. */
            fitted: number[];
            ranks: components["schemas"]["Matrix"];
            distribution: {
                rsr: number;
                frequency: number;
                cumulative: number;
                mean_rank: number;
                percentile: number;
                probit: number;
            }[];
            probit_cuts: number[];
            rsr_cuts: number[];
        };
        SampleSize: {
            /** @example 385 */
            n: number;
        };
        RateInterval: {
            /** @example 0.30798 */
            p: number;
            /** @example 0.25529 */
            low: number;
            /** @example 0.36621 */
            high: number;
            /** @example 0.05546 */
            margin: number;
        };
        AgreementRequest: {
            a: number[];
            b: number[];
            /**
             * @default none
             * @enum {string}
             */
            weights?: "none" | "linear" | "quadratic";
            /** @description The ordered categories; default the sorted union of the ratings. */
            categories?: number[];
            /** @description Also answer share_within: the share of items with |a - b| <= tolerance. */
            tolerance?: number;
        };
        ScorecardItem: {
            code: string;
            name?: string;
            /** @description How to judge the item. */
            guidance?: string;
            /** @enum {string} */
            scale: "yes_no" | "three_point" | "four_point" | "five_point" | "points";
            /** @description Points of the item; a rating of r on a K-point scale earns max x (r - 1) / (K - 1). */
            max_points: number;
            /**
             * @description Earning 0 on it zeroes its section, or scores the whole card 0 %.
             * @enum {string}
             */
            critical?: "none" | "section" | "card";
            /** @description Adds earned points but not possible ones (a section stays at most 100 %). */
            bonus?: boolean;
            /**
             * @description The inspector may answer N/A (not applicable); absent: true.
             * @default true
             */
            na_allowed?: boolean;
        };
        ScorecardSection: {
            code: string;
            name?: string;
            /** @description Percent of the card (method section_weights); the weights add up to 100. */
            weight?: number;
            items: components["schemas"]["ScorecardItem"][];
        };
        ScorecardDefinition: {
            /** @enum {string} */
            method?: "total_points" | "section_weights";
            pass_mark?: number;
            sections: components["schemas"]["ScorecardSection"][];
        };
        ScorecardInput: components["schemas"]["ScorecardDefinition"] & {
            name: string;
            active?: boolean;
        };
        Scorecard: components["schemas"]["ScorecardDefinition"] & {
            id: number;
            name: string;
            /** @description The version of the definition shown. */
            version: number;
            latest_version: number;
            active: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        ScorecardPreviewRequest: components["schemas"]["ScorecardDefinition"] & {
            /** @description By item code: a value on the item's scale, or "na". */
            answers: {
                [key: string]: components["schemas"]["InspectionAnswer"];
            };
        };
        ScorecardScore: {
            /** @description null when nothing was applicable; 0 when a card-critical item failed. */
            percent: number | null;
            percent_before_failure: number | null;
            earned: number;
            possible: number;
            failed: boolean;
            passed: boolean;
            critical_failures: string[];
            sections: {
                code: string;
                earned: number;
                possible: number;
                percent: number | null;
                failed: boolean;
            }[];
        };
        InspectionAssignment: {
            /** @enum {string} */
            kind: "ticket_review" | "routine_check" | "surprise_check";
            /** @description A mystery check: the inspected party sees nothing before publication. */
            covert?: boolean;
            scorecard_id: number;
            ticket_id?: number;
            department_id?: number;
            agent_id?: number;
            inspector_id: number;
        };
        InspectionAnswers: {
            answers?: {
                [key: string]: components["schemas"]["InspectionAnswer"];
            };
            notes?: string;
            /**
             * Format: date-time
             * @description When the check was made: not before the assignment nor after now (5 minutes of clock skew allowed), else 400 on `checked_at`.
             */
            checked_at?: string;
            location?: components["schemas"]["InspectionLocation"] | null;
        };
        /** @description Where a site check was made, as the phone reported it (only when the inspector allowed it). Out of range: 400 on `location.latitude` etc. */
        InspectionLocation: {
            latitude: number;
            longitude: number;
            /** @description Metres. */
            accuracy_m?: number | null;
        };
        InspectionPhoto: {
            id: number;
            inspection_id: number;
            /** @description The item code. */
            item: string;
            /**
             * @description Sniffed from the bytes.
             * @enum {string}
             */
            content_type: "image/jpeg" | "image/png" | "image/webp";
            size: number;
            /** @description Hex. */
            sha256: string;
            uploaded_by: number;
            /** Format: date-time */
            uploaded_at: string;
        };
        InspectionDecision: {
            /** @enum {string} */
            outcome: "upheld" | "partly_upheld" | "rejected";
            reason: string;
            /** @description Upheld or partly upheld: the answers the decision corrects. */
            answers?: {
                [key: string]: components["schemas"]["InspectionAnswer"];
            };
        };
        ImprovementRootCause: {
            id: number;
            code: string;
            name_zh: string;
            name_en: string;
            active: boolean;
            position: number;
        };
        ImprovementRootCauseInput: {
            code: string;
            name_zh: string;
            name_en: string;
            active?: boolean;
            position?: number;
        };
        ImprovementActionInput: {
            /** @enum {string} */
            source: "inspection" | "complaint" | "sla_trend" | "survey" | "audit_finding" | "suggestion" | "other";
            /** @description the inspection, ticket, survey follow-up or audit finding */
            source_id?: number;
            source_ref?: string;
            title: string;
            description?: string;
            root_cause_id?: number;
            /** @description 5-whys or fishbone notes */
            analysis?: string;
            owner_id: number;
            department_id?: number;
            /** Format: date */
            due_date: string;
            /** @description the assessment measure it should move */
            measure_code?: string;
            /** @enum {string} */
            direction?: "up" | "down";
            /**
             * @description with subject_id: whose measure is read (in the caller's scope); both values are then read from `measure_code` (a catalogue measure) and value_before is not typed
             * @enum {string}
             */
            subject_kind?: "staff" | "department";
            subject_id?: number;
            /** @description the window before: the days before the action is opened (default 30); the window after is as long, from the fix */
            window_days?: number;
            /**
             * Format: date
             * @description or the window before the user picks (with before_to; both days included)
             */
            before_from?: string;
            /** Format: date */
            before_to?: string;
            value_before?: number;
            value_before_source?: string;
            verify_after_days?: number;
        };
        ImprovementAction: {
            id: number;
            /** @enum {string} */
            source: "inspection" | "complaint" | "sla_trend" | "survey" | "audit_finding" | "suggestion" | "other";
            source_id?: number | null;
            source_ref?: string;
            title: string;
            description?: string;
            root_cause_id?: number | null;
            analysis?: string;
            owner_id: number | null;
            owner_name?: string;
            department_id: number | null;
            department_name?: string;
            /** Format: date */
            due_date: string | null;
            /** Format: date-time */
            due_at?: string | null;
            /** @enum {string} */
            status: "proposed" | "open" | "in_progress" | "done" | "verified" | "not_effective" | "reopened" | "cancelled" | "declined";
            evidence?: string;
            measure_code?: string;
            /** @enum {string|null} */
            direction?: "up" | "down" | null;
            /** @enum {string|null} */
            subject_kind?: "staff" | "department" | null;
            subject_id?: number | null;
            subject_name?: string;
            /** @description null: no data (or not given) */
            value_before?: number | null;
            /** @description "measure:<code>" when read from the measure */
            value_before_source?: string;
            /** Format: date-time */
            before_from?: string | null;
            /** Format: date-time */
            before_to?: string | null;
            verify_after_days?: number;
            value_after?: number | null;
            value_after_source?: string;
            /** Format: date-time */
            after_from?: string | null;
            /** Format: date-time */
            after_to?: string | null;
            verification_note?: string;
            reason?: string;
            proposed_by?: number | null;
            proposed_by_name?: string;
            /** Format: date-time */
            created_at?: string;
            /** Format: date-time */
            updated_at?: string;
            /** Format: date-time */
            done_at?: string | null;
            /** Format: date-time */
            verified_at?: string | null;
            /** Format: date-time */
            owner_notified_at?: string | null;
            /** Format: date-time */
            manager_notified_at?: string | null;
        };
        ImprovementActionDetail: components["schemas"]["ImprovementAction"] & {
            timeline: {
                /** Format: date-time */
                at: string;
                actor: string;
                type: string;
                data: {
                    [key: string]: unknown;
                };
            }[];
        };
        ImprovementTransition: {
            /** @enum {string} */
            op: "start" | "complete" | "verify" | "reopen" | "cancel";
            evidence?: string;
            reason?: string;
            note?: string;
            /** @description typed when the action names no subject; a measured action reads it over its window after (from done_at, as long as the window before), due from the later of verify_after_days and that window's end */
            value_after?: number;
            /** @description the verdict when the values cannot give one (no data, or no indicator) */
            effective?: boolean;
        };
        ImprovementTriage: {
            /** @enum {string} */
            decision: "accept" | "decline";
            owner_id?: number;
            department_id?: number;
            /** Format: date */
            due_date?: string;
            root_cause_id?: number;
            reason?: string;
        };
        ImprovementAuditInput: {
            /** @enum {string} */
            kind: "internal_audit" | "management_review";
            /** Format: date */
            held_on: string;
            title: string;
            scope?: string;
            participants?: string;
            summary?: string;
            findings?: string[];
        };
        ImprovementAudit: {
            id: number;
            /** @enum {string} */
            kind: "internal_audit" | "management_review";
            /** Format: date */
            held_on: string;
            title: string;
            scope: string;
            participants: string;
            summary: string;
            /** Format: date-time */
            created_at: string;
            findings: {
                id: number;
                text: string;
                /** Format: date-time */
                created_at: string;
                action_ids: number[];
            }[];
        };
        Inspection: {
            id: number;
            /** @enum {string} */
            kind: "ticket_review" | "routine_check" | "surprise_check";
            covert: boolean;
            scorecard_id: number;
            scorecard_version: number;
            ticket_id?: number | null;
            ticket_number?: string;
            department_id: number;
            department_name?: string;
            agent_id?: number | null;
            agent_name?: string;
            inspector_id: number;
            inspector_name?: string;
            /** @enum {string} */
            state: "assigned" | "in_progress" | "submitted" | "published" | "acknowledged" | "appealed" | "final";
            answers: {
                [key: string]: unknown;
            };
            notes?: string;
            percent: number | null;
            passed: boolean;
            critical_failed: boolean;
            corrects_id?: number | null;
            corrected_by_id?: number | null;
            /** Format: date-time */
            created_at?: string;
            /** Format: date-time */
            submitted_at?: string | null;
            /** Format: date-time */
            published_at?: string | null;
            /** Format: date-time */
            appeal_deadline?: string | null;
            /** Format: date-time */
            acknowledged_at?: string | null;
            /** Format: date-time */
            final_at?: string | null;
            /**
             * Format: date-time
             * @description When the check was made, as the scoring form recorded it.
             */
            checked_at?: string | null;
            location?: components["schemas"]["InspectionLocation"] | null;
            /** @description Only in GET /inspections/{id}: the photos of its items, oldest first. */
            photos?: components["schemas"]["InspectionPhoto"][];
            /** @description Only in GET /inspections/{id}: the card version it is scored with. */
            scorecard?: components["schemas"]["Scorecard"];
            appeal: components["schemas"]["InspectionAppeal"] | null;
        };
        InspectionTrendPoint: {
            /** @description The agent's or department's id. */
            key: number;
            name: string;
            /** Format: date-time */
            period_start: string;
            count: number;
            mean: number;
        };
        InspectionParetoBar: {
            code: string;
            name: string;
            failed: number;
            answered: number;
            share: number;
            cumulative: number;
        };
        SamplingPlanChange: {
            name?: string;
            /** @enum {string} */
            quota?: "percent" | "per_agent";
            amount?: number;
            by_channel?: boolean;
            by_type?: boolean;
            complaints?: boolean;
            breaches?: boolean;
            active?: boolean;
        };
        SamplingPlanInput: {
            name: string;
            /** @enum {string} */
            cycle: "week" | "month";
            /** @description The scope, each with its subtree. */
            department_ids: number[];
            /** @enum {string} */
            quota: "percent" | "per_agent";
            /** @description Percent (at most 100) or tickets per agent. */
            amount: number;
            /** @default true */
            by_channel?: boolean;
            /** @default true */
            by_type?: boolean;
            /** @default false */
            complaints?: boolean;
            /** @default false */
            breaches?: boolean;
            scorecard_id: number;
            /** @description Assigned round robin. */
            inspector_ids: number[];
        };
        CalibrationInput: {
            ticket_id?: number;
            /** @description Instead of ticket_id: that inspection's ticket. */
            inspection_id?: number;
            scorecard_id: number;
            reviewer_ids: number[];
            expert_id?: number;
            /** @description A date or date-time in the future. */
            deadline: string;
        };
        CalibrationScore: {
            staff_id: number;
            name: string;
            /** @enum {string} */
            role: "reviewer" | "expert";
            submitted: boolean;
            /** Format: date-time */
            submitted_at: string | null;
            /** @description Withheld from the caller while the session is open. */
            hidden: boolean;
            answers: {
                [key: string]: components["schemas"]["InspectionAnswer"];
            } | null;
            notes: string | null;
            percent: number | null;
        };
        CalibrationResults: {
            /** @description False: every pair of reviewers is compared. */
            against_expert: boolean;
            /** @description Points of the 0-100 item scale within which two answers agree. */
            tolerance: number;
            totals: {
                staff_id: number;
                /** @enum {string} */
                role: "reviewer" | "expert";
                percent: number | null;
                passed: boolean;
                critical_failed: boolean;
            }[];
            /** @description The largest spread first, then card order. */
            items: {
                code: string;
                name: string;
                section_code: string;
                /** @description Highest minus lowest 0-100 value; null below two values. */
                spread: number | null;
                scores: {
                    staff_id: number;
                    answer: components["schemas"]["InspectionAnswer"];
                    /** @description On the 0-100 item scale; null for N/A. */
                    points: number | null;
                }[];
            }[];
            agreement: {
                reviewer_id: number;
                /** @description The expert, or the other reviewer. */
                reference_id: number;
                /** @description Compared: answered (not N/A) by both. */
                items: number;
                share_within: number | null;
                kappa: number | null;
                kappa_linear: number | null;
                kappa_quadratic: number | null;
            }[];
        };
        CalibrationSession: {
            id: number;
            ticket_id: number;
            ticket_number: string;
            inspection_id?: number | null;
            department_id: number;
            agent_id?: number | null;
            scorecard_id: number;
            scorecard_name: string;
            /** @description Pinned at creation. */
            scorecard_version: number;
            /** Format: date-time */
            deadline: string;
            /** @description open past its deadline */
            overdue?: boolean;
            /** @enum {string} */
            state: "open" | "closed";
            created_by: number;
            created_by_name?: string;
            /** Format: date-time */
            created_at: string;
            closed_by?: number | null;
            /** Format: date-time */
            closed_at?: string | null;
            participants: components["schemas"]["CalibrationScore"][];
            results: components["schemas"]["CalibrationResults"] | null;
        };
        SamplingPlan: components["schemas"]["SamplingPlanInput"] & {
            id: number;
            active: boolean;
            /** Format: date-time */
            created_at: string;
        };
        SamplingCoverage: {
            agent_id: number;
            agent_name: string;
            /** @description Resolved in the cycle, in scope. */
            tickets: number;
            planned: number;
            /** @description Sampled by earlier runs of the cycle. */
            earlier: number;
            drawn: number;
            /** @enum {string|null} */
            shortfall: "too_few_tickets" | null;
        };
        SamplingRun: {
            id: number | null;
            plan_id: number;
            /** Format: date-time */
            cycle_start: string;
            /** Format: date-time */
            cycle_end: string;
            seed: number;
            candidates: number;
            drawn: number;
            coverage: components["schemas"]["SamplingCoverage"][];
            tickets: {
                ticket_id: number;
                ticket_number: string;
                agent_id: number;
                agent_name: string;
                channel: string;
                type: string;
                complaint: boolean;
                breached: boolean;
                inspector_id: number | null;
                inspection_id: number | null;
            }[];
            /** Format: date-time */
            created_at?: string;
        };
        InspectionAppeal: {
            appellant_id?: number;
            reason?: string;
            /** Format: date-time */
            filed_at?: string;
            reviewer_id?: number | null;
            /** @enum {string|null} */
            outcome?: "upheld" | "partly_upheld" | "rejected" | null;
            decision?: string;
            /** Format: date-time */
            decided_at?: string | null;
        };
        /** @description An answer to one item: a value on the item's scale, or "na" (not applicable). */
        InspectionAnswer: number | "na";
        AgreementResult: {
            kappa: number | null;
            observed: number;
            expected: number;
            n: number;
            share_within?: number;
        };
    };
    responses: {
        /** @description Invalid input (malformed JSON, wrong type, missing or unknown field, broken rule); `field` names it. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No valid session or token. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Missing permission, data outside the caller's departments, or a cookie write without the right X-CSRF-Token. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such resource. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The change conflicts with existing data (a taken username or code, a department still in use); `field` names it. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is larger than `--max-body`. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is not of a type the route takes (`application/json` unless it says otherwise). */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Throttled; the message and the `Retry-After` header say when to try again. */
        TooManyRequests: {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description Only this campaign's surveys (callbacks and agency answers have no campaign). */
        SurveyCampaignFilter: number;
        /** @description Only answers from this source: link (surveys sent by link, after a ticket or by a campaign), callback (回访), agency (external agencies). */
        SurveySourceFilter: "link" | "callback" | "agency";
        /** @description Positive integer id. Anything else is a 404. */
        Id: number;
        /** @description The `next_cursor` of the previous page. */
        Cursor: string;
        /** @description Page size. */
        Limit: number;
        /** @description A calendar code such as `cn-mainland` or `24x7`. An unknown code is a 404. */
        CalendarCode: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server and its database are up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The database cannot be read. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            403: components["responses"]["Forbidden"];
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Only events about this kind of entity, e.g. `department`, `staff`, `api_token`. */
                entity?: string;
                /** @description Only events about this entity id (as a string). */
                entity_id?: string;
                /** @description Event type. Exact match (`department.created`), or a prefix when it ends with a dot (`department.`). */
                type?: string;
                /** @description Only events caused by this username (`system` for the command line and the demo seed). */
                actor?: string;
                /** @description Only events at or after this instant (ISO-8601 date or date-time with a zone). */
                from?: string;
                /** @description Only events before this instant (exclusive; ISO-8601 date or date-time with a zone). */
                to?: string;
                /** @description The `next_cursor` of the previous page (events with a lower `seq` follow). */
                cursor?: number;
                /** @description Page size. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    /** @description `sqm_session=<token>; Path=/; HttpOnly; SameSite=Lax; Max-Age=<seconds>` */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    /** @description `sqm_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description Changed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `field` is `current_password` (wrong) or `new_password` (too weak or unchanged). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listRoles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All roles. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleList"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    listDepartments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The departments in scope. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DepartmentCreate"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Department"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The department. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Department"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DepartmentPatch"];
            };
        };
        responses: {
            /** @description The department after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Department"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    directoryDepartments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Active departments, roots first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: int64 */
                            id: number;
                            code: string | null;
                            name: string;
                            /** Format: int64 */
                            parent_id: number | null;
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    directoryStaff: {
        parameters: {
            query?: {
                q?: string;
                department_id?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Matching staff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: int64 */
                            id: number;
                            username: string;
                            name: string;
                            /** Format: int64 */
                            department_id: number | null;
                            department_name: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listStaff: {
        parameters: {
            query?: {
                /** @description Text that the username, display name or e-mail contains (case-insensitive), or the phone number contains. */
                q?: string;
                /** @description Only staff of this department (not its sub-departments). */
                department_id?: number;
                /** @description Only staff holding this role. */
                role?: components["schemas"]["RoleCode"];
                /** @description Only active (`true`) or deactivated (`false`) accounts. */
                active?: boolean;
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of staff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffCreate"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Staff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Staff"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffPatch"];
            };
        };
        responses: {
            /** @description The person after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Staff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All tokens. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiTokenCreate"];
            };
        };
        responses: {
            /** @description Created; `token` is the secret. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listTickets: {
        parameters: {
            query?: {
                /** @description One status or a comma-separated list (`new,accepted`). */
                status?: string;
                type?: components["schemas"]["TicketType"];
                channel?: components["schemas"]["TicketChannel"];
                priority?: components["schemas"]["TicketPriority"];
                /**
                 * @description `breached`: a timer is breached or an open timer is past due; `warning`: an open timer
                 *     passed its warning time, nothing breached; `paused`: an open timer is paused; `ok`: none of these.
                 */
                sla_state?: "ok" | "warning" | "breached" | "paused";
                /** @description Only tickets currently in this department (not its sub-departments). */
                department_id?: number;
                customer_id?: number;
                /** @description A staff id, or `me` for the caller. */
                assignee_id?: string;
                /** @description Only tickets created at or after this instant (ISO-8601 date or date-time with a zone). */
                from?: string;
                /** @description Only tickets created before this instant (exclusive). */
                to?: string;
                /** @description Text in the title or customer name (case-insensitive), digits of the customer's phone (not for read-only roles, which hold no `ticket.write`), or an exact ticket number (`T000123`). */
                q?: string;
                sort?: "created_desc" | "created_asc" | "priority" | "updated_desc";
                /** @description Offset of the page, from `next_cursor`. */
                cursor?: number;
                /** @description Page size. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tickets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createTicket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketCreate"];
            };
        };
        responses: {
            /** @description Registered. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketRegistered"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getTicketForm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketForm"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    findDuplicateTickets: {
        parameters: {
            query: {
                customer_id: number;
                category_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The candidates; `next_cursor` is null. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    startTicketImport: {
        parameters: {
            query?: {
                /** @description The file's name, shown in the job and recorded in the event (no folders, at most 200 bytes). */
                filename?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example 类型,渠道,标题,客户,分类,创建时间,首次响应时间
                 *     故障,电话,VPN 无法连接,13900000001,网络与连接/VPN,2026-01-05 09:30,2026-01-05 09:42
                 */
                "text/csv": string;
                /** @description The same as `text/csv`. */
                "application/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                /** @description With a `filename` ending in `.csv` or `.xlsx`. */
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The job has started; poll it at the `Location` header. */
            202: {
                headers: {
                    /** @description `/api/v1/tickets/imports/{id}` */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketImportJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Two imports are running already; try again when one has finished. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTicketImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketImportJob"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    bulkCreateTickets: {
        parameters: {
            query?: never;
            header?: {
                /** @description Up to 200 visible ASCII characters, unique per caller and batch. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {"type":"incident","channel":"phone","priority":"P2","title":"VPN 无法连接","description":"证书错误","customer":"13900000001","category":"网络与连接/VPN","created_at":"2026-01-05T09:30:00+08:00","external_id":"CC-1"}
                 *     {"type":"consultation","channel":"api","title":"询问发票开具流程","customer_id":42}
                 */
                "application/x-ndjson": string;
            };
        };
        responses: {
            /** @description Every line became a ticket (or the stored reply of an earlier request with this key). */
            201: {
                headers: {
                    /** @description `true` when this is the stored reply of an earlier request with the same key and body. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketBulkCreated"];
                };
            };
            /** @description Some lines have problems; nothing was written. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketBulkRejected"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    exportTickets: {
        parameters: {
            query?: {
                format?: "csv" | "xlsx";
                /** @description Language of the headers and of the values of enumerations (`故障`, `电话`, ...). */
                lang?: "en" | "zh";
                /** @description One status or a comma-separated list. */
                status?: string;
                type?: components["schemas"]["TicketType"];
                channel?: components["schemas"]["TicketChannel"];
                priority?: components["schemas"]["TicketPriority"];
                sla_state?: "ok" | "warning" | "breached" | "paused";
                department_id?: number;
                customer_id?: number;
                /** @description A staff id, or `me`. */
                assignee_id?: string;
                from?: string;
                to?: string;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    "Content-Disposition"?: string;
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getImportTemplate: {
        parameters: {
            query?: {
                format?: "csv" | "xlsx";
                /** @description Language of the header row and of the example's values. */
                lang?: "zh-CN" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ticket. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketView"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    actOnTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
                /** @description What to do. Any other name is a 404. */
                action: components["schemas"]["TicketActionName"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["TicketActionInput"];
            };
        };
        responses: {
            /** @description The ticket after the action. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such ticket, or no such action. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The action is not allowed in the ticket's status; `field` is `action` and the message lists the allowed actions. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    reapplyTicketSla: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ticket after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateComplaint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ComplaintPatch"];
            };
        };
        responses: {
            /** @description The complaint record after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listCustomers: {
        parameters: {
            query?: {
                q?: string;
                /** @description The `next_cursor` of the previous page (a customer id). */
                cursor?: number;
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of customers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerCreate"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listTicketCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All categories. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketCategoryPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    createTicketCategory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketCategoryCreate"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketCategory"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    updateTicketCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** Format: int64 */
                    parent_id?: number | null;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description The category as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketCategory"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getPortalTicketForm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketForm"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listPortalTickets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer's tickets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createPortalTicket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PortalTicketCreate"];
            };
        };
        responses: {
            /** @description Registered. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getPortalTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ticket. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalTicketView"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    replyPortalTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PortalReply"];
            };
        };
        responses: {
            /** @description The ticket after the reply. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The ticket is no longer open. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getDeskDashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dashboard. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskDashboard"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getComplaintSummary: {
        parameters: {
            query?: {
                /** @description ISO-8601 date or date-time with a zone. */
                from?: string;
                /** @description Exclusive end; must be after `from` (400 on `to`, key `report.to_before_from`). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The summary. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintSummary"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listCallbacks: {
        parameters: {
            query?: {
                state?: "open" | "overdue" | "done";
                /** @description Offset of the page, from `next_cursor`. */
                cursor?: number;
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of callbacks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackQueuePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description `true`: only unread ones. */
                unread?: boolean;
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notifications. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Marked read. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Marked read. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listTicketViews: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The views. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketViewList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createTicketView: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketSavedViewCreate"];
            };
        };
        responses: {
            /** @description Saved. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketSavedView"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    deleteTicketView: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listCalendars: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All calendars. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    createCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Calendar"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calendar"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A calendar code such as `cn-mainland` or `24x7`. An unknown code is a 404. */
                code: components["parameters"]["CalendarCode"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calendar. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calendar"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A calendar code such as `cn-mainland` or `24x7`. An unknown code is a 404. */
                code: components["parameters"]["CalendarCode"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Calendar"];
            };
        };
        responses: {
            /** @description The calendar after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calendar"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    importCalendarDays: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A calendar code such as `cn-mainland` or `24x7`. An unknown code is a 404. */
                code: components["parameters"]["CalendarCode"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example BEGIN:VCALENDAR
                 *     BEGIN:VEVENT
                 *     DTSTART;VALUE=DATE:20270101
                 *     SUMMARY:元旦
                 *     END:VEVENT
                 *     END:VCALENDAR
                 */
                "text/calendar": string;
                "application/json": components["schemas"]["CalendarException"][] | {
                    exceptions: components["schemas"]["CalendarException"][];
                } | components["schemas"]["Calendar"];
            };
        };
        responses: {
            /** @description The calendar after the import, with how many dates were added and replaced. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarImported"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    previewCalendarDue: {
        parameters: {
            query: {
                /** @description The start, ISO-8601 date-time with an offset or Z (encode `+` as `%2B`; a plain `+` read as a space is tolerated). */
                from: string;
                /** @description Business minutes to count. */
                minutes: number;
            };
            header?: never;
            path: {
                /** @description A calendar code such as `cn-mainland` or `24x7`. An unknown code is a 404. */
                code: components["parameters"]["CalendarCode"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The due instant. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarDue"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listSlaPolicies: {
        parameters: {
            query?: {
                /** @description Also list switched-off policies. */
                include_inactive?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policies. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaPolicyPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createSlaPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SlaPolicyInput"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaPolicy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getSlaPolicy: {
        parameters: {
            query?: {
                /** @description A past (or the current) version number. */
                version?: number;
            };
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policy version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaPolicy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateSlaPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Positive integer id. Anything else is a 404. */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SlaPolicyInput"] & {
                    /**
                     * Format: int64
                     * @description When given
                     */
                    id?: number;
                    /** @description When given */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description The new version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaPolicy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    explainSlaPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SlaTicketFacts"];
            };
        };
        responses: {
            /** @description The applied policy (or null) and the report on every candidate. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaExplanation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listIndicators: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createIndicator: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    updateIndicator: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listSchemes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createScheme: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    importScheme: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    addSchemeVersion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getSchemeVersion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateSchemeVersion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    approveSchemeVersion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    checkSchemeDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    exportSchemeVersion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listPeriods: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createPeriod: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    getPeriod: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    collectPeriod: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    evaluatePeriod: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    publishPeriod: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    lockPeriod: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    verifyPeriod: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listPeriodResults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    exportPeriodResultsCsv: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    exportPeriodResultsXlsx: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getPeriodResult: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getPeriodResultFacts: {
        parameters: {
            query: {
                /** @description An indicator code of the period's scheme. */
                indicator: string;
                /** @description One of the indicator's measures (default: the first of `measures`). */
                measure?: string;
                /** @description Keyset cursor: the last fact_id of the previous page (`next_after`). */
                after?: number;
                /** @description 1-500, default 50. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listMyResults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getStaffArchive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getManualInputs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    putManualInput: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    fileAppeal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listAppeals: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    decideAppeal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    approveAdjustment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    withdrawAdjustment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The adjustment: `{id, appeal_id, period_id, assessee_id, points, status: withdrawn, proposed_by, approved_by}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    putResultComment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The comment: `{indicator_code, text, written_by, author, at}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listCorrections: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: `{items: [correction]}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    proposeCorrection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The correction: `{id, period_id, assessee_id, original_total, corrected_total, grade, coefficient, reason, evidence, status: proposed | approved | withdrawn | rejected, proposed_by, proposed_at, approved_by, approved_at, rejected_by, rejected_at, rejection_reason}` */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    approveCorrection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The correction: `{id, period_id, assessee_id, original_total, corrected_total, grade, coefficient, reason, evidence, status: proposed | approved | withdrawn | rejected, proposed_by, proposed_at, approved_by, approved_at, rejected_by, rejected_at, rejection_reason}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    withdrawCorrection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The correction: `{id, period_id, assessee_id, original_total, corrected_total, grade, coefficient, reason, evidence, status: proposed | approved | withdrawn | rejected, proposed_by, proposed_at, approved_by, approved_at, rejected_by, rejected_at, rejection_reason}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    rejectCorrection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The correction, `status: rejected`, with `rejected_by`, `rejected_at` and `rejection_reason` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    deriveAhpWeights: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AhpRequest"];
            };
        };
        responses: {
            /** @description The result, unrounded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AhpResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    deriveEntropyWeights: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MatrixRequest"];
            };
        };
        responses: {
            /** @description The result, unrounded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WeightsResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    evaluateTopsis: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TopsisRequest"];
            };
        };
        responses: {
            /** @description The result, unrounded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TopsisResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    evaluateRsr: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RsrRequest"];
            };
        };
        responses: {
            /** @description The result, unrounded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RsrResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    surveySampleSize: {
        parameters: {
            query: {
                /** @description The margin of error wanted, as a fraction (0.05 = +-5 points); strictly between 0 and 1. */
                margin: number;
                /** @description The confidence level, strictly between 0 and 1 (default 0.95). */
                confidence?: number;
                /** @description The size of a finite population (1 or more). */
                population?: number;
                /** @description The expected proportion, strictly between 0 and 1 (default 0.5, the largest sample). */
                proportion?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SampleSize"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    surveyInterval: {
        parameters: {
            query: {
                successes: number;
                n: number;
                /** @description Strictly between 0 and 1 (default 0.95). */
                confidence?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateInterval"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listSurveyTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The templates. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items?: components["schemas"]["SurveyTemplate"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createSurveyTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyTemplateInput"];
            };
        };
        responses: {
            /** @description Created, version 1. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyTemplate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    getSurveyTemplate: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyTemplate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateSurveyTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyTemplateInput"];
            };
        };
        responses: {
            /** @description The template as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyTemplate"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listSurveyRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules, active and not. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items?: components["schemas"]["SurveyRule"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createSurveyRule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyRuleInput"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyRule"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    deactivateSurveyRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deactivated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getSurveySettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveySettings"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    saveSurveySettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveySettings"];
            };
        };
        responses: {
            /** @description The settings now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveySettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listSurveyCampaigns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The campaigns. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items?: components["schemas"]["SurveyCampaign"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createSurveyCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyCampaignInput"];
            };
        };
        responses: {
            /** @description Created, with its invitations. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyCampaign"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    previewSurveyCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyCampaignInput"];
            };
        };
        responses: {
            /** @description The plan. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        population: number;
                        /** @description the calculator's n */
                        sample_size: number;
                        /** @description n with every non-empty stratum raised to at least one */
                        drawn: number;
                        /** @description customers drawn who have an e-mail address */
                        with_email: number;
                        seed: number;
                        strata: components["schemas"]["SurveyStratum"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getSurveyCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The campaign. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyCampaign"] & {
                        progress: {
                            total: components["schemas"]["SurveyStratumProgress"];
                            strata: components["schemas"]["SurveyStratumProgress"][];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listSurveyInvitations: {
        parameters: {
            query?: {
                ticket_id?: number;
                template_id?: number;
                campaign_id?: number;
                limit?: number;
                cursor?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items?: components["schemas"]["SurveyInvitation"][];
                        next_cursor?: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    issueSurveyLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invitation?: components["schemas"]["SurveyInvitation"];
                        token?: string;
                        /** @example /answer.html#t=... */
                        path?: string;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    surveyResults: {
        parameters: {
            query?: {
                template_id?: number;
                from?: string;
                to?: string;
                /** @description Only this campaign's surveys (callbacks and agency answers have no campaign). */
                campaign_id?: components["parameters"]["SurveyCampaignFilter"];
                /** @description Only answers from this source: link (surveys sent by link, after a ticket or by a campaign), callback (回访), agency (external agencies). */
                source?: components["parameters"]["SurveySourceFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The results. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyResults"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    surveyResultsTrend: {
        parameters: {
            query?: {
                bucket?: "week" | "month";
                template_id?: number;
                from?: string;
                to?: string;
                /** @description Only this campaign's surveys (callbacks and agency answers have no campaign). */
                campaign_id?: components["parameters"]["SurveyCampaignFilter"];
                /** @description Only answers from this source: link (surveys sent by link, after a ticket or by a campaign), callback (回访), agency (external agencies). */
                source?: components["parameters"]["SurveySourceFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The points, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        bucket: "week" | "month";
                        items: {
                            /** Format: date-time */
                            start: string;
                            invitations: number;
                            response_rate: components["schemas"]["SurveyRate"];
                            csat: components["schemas"]["SurveyRate"];
                            nps: components["schemas"]["SurveyNps"];
                            satisfaction: components["schemas"]["SurveyRate"];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    importAgencyResults: {
        parameters: {
            query?: {
                /** @description The file's name, recorded with the import (no folders, at most 200 bytes). */
                filename?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example 测评机构,调查日期,工单编号,部门,满意度评分,满意度,推荐度,意见
                 *     某调查公司,2026-03-01,T000042,,5,满意,9,态度很好
                 */
                "text/csv": string;
                "application/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                /** @description With a `filename` ending in `.csv` or `.xlsx`. */
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Imported. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        import_id: number;
                        rows: number;
                    };
                };
            };
            /** @description Every problem of the file; nothing was written. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyImportRejected"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            /** @description Not a CSV or XLSX file. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAgencyImportTemplate: {
        parameters: {
            query?: {
                lang?: "zh-CN" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getSurveyTopics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dictionary. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyTopics"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    saveSurveyTopics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyTopics"];
            };
        };
        responses: {
            /** @description The saved dictionary. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyTopics"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listSurveyTexts: {
        parameters: {
            query?: {
                q?: string;
                topic?: string;
                from?: string;
                to?: string;
                /** @description Only this campaign's surveys (callbacks and agency answers have no campaign). */
                campaign_id?: components["parameters"]["SurveyCampaignFilter"];
                source?: "link" | "agency";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SurveyOpenText"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    summarizeSurveyTexts: {
        parameters: {
            query?: {
                q?: string;
                topic?: string;
                from?: string;
                to?: string;
                /** @description Only this campaign's surveys (callbacks and agency answers have no campaign). */
                campaign_id?: components["parameters"]["SurveyCampaignFilter"];
                source?: "link" | "agency";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The summary. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        texts: number;
                        truncated: boolean;
                        topics: {
                            key: string;
                            label: components["schemas"]["ZhEn"];
                            count: number;
                        }[];
                        words: {
                            word: string;
                            count: number;
                            keyword: boolean;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listSurveyFollowUps: {
        parameters: {
            query?: {
                state?: "open" | "all";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The follow-ups. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items?: components["schemas"]["SurveyFollowUp"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    updateSurveyFollowUp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    owner_id?: number | null;
                    /** Format: date-time */
                    deadline_at?: string;
                    /** @enum {string} */
                    outcome?: "recontacted" | "satisfied_after_redo" | "rating_withdrawn";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The follow-up now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyFollowUp"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    openPublicSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The survey. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicSurvey"];
                };
            };
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    answerPublicSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    answers: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Recorded. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    inspectionAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgreementRequest"];
            };
        };
        responses: {
            /** @description The result, unrounded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    previewScorecard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScorecardPreviewRequest"];
            };
        };
        responses: {
            /** @description The score, unrounded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScorecardScore"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listScorecards: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The scorecards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items?: components["schemas"]["Scorecard"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createScorecard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScorecardInput"];
            };
        };
        responses: {
            /** @description Created, version 1. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scorecard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    getScorecard: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The scorecard. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scorecard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateScorecard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScorecardInput"];
            };
        };
        responses: {
            /** @description The scorecard as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scorecard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listInspections: {
        parameters: {
            query?: {
                state?: "assigned" | "in_progress" | "submitted" | "published" | "acknowledged" | "appealed" | "final";
                inspector_id?: number;
                agent_id?: number;
                ticket_id?: number;
                /** @description The department inspected (exactly, not its subtree). */
                department_id?: number;
                /** @description Paging: ids below this. */
                before_id?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The inspections. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items?: components["schemas"]["Inspection"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    assignInspection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InspectionAssignment"];
            };
        };
        responses: {
            /** @description Assigned. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getInspection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The inspection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    saveInspectionAnswers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InspectionAnswers"];
            };
        };
        responses: {
            /** @description The inspection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    addInspectionPhoto: {
        parameters: {
            query: {
                /** @description The item code on the inspection's scorecard. */
                item: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The stored photo (without its bytes). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionPhoto"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getInspectionPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                photo_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteInspectionPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                photo_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    submitInspection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InspectionAnswers"];
            };
        };
        responses: {
            /** @description The inspection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    publishInspection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The inspection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    acknowledgeInspection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The inspection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    appealInspection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The inspection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    decideInspectionAppeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InspectionDecision"];
            };
        };
        responses: {
            /** @description The inspection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    inspectionScoreTrend: {
        parameters: {
            query: {
                /** @description A date or date-time: published at or after. */
                from: string;
                /** @description A date or date-time: published before (at most 732 days after from). */
                to: string;
                by?: "agent" | "department";
                period?: "week" | "month";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The points, by key and period. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["InspectionTrendPoint"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    inspectionFailurePareto: {
        parameters: {
            query: {
                /** @description A date or date-time: published at or after. */
                from: string;
                /** @description A date or date-time: published before (at most 732 days after from). */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bars. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["InspectionParetoBar"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    listSamplingPlans: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plans. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SamplingPlan"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createSamplingPlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SamplingPlanInput"];
            };
        };
        responses: {
            /** @description The plan. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SamplingPlan"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    getSamplingPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SamplingPlan"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateSamplingPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SamplingPlanChange"];
            };
        };
        responses: {
            /** @description The plan. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SamplingPlan"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listSamplingRuns: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The runs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SamplingRun"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    runSamplingPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A date or date-time in the cycle. */
                    at?: string;
                    seed?: number;
                    dry_run?: boolean;
                };
            };
        };
        responses: {
            /** @description The draw of a dry run (id null). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SamplingRun"];
                };
            };
            /** @description The run, its tickets and the inspections it made. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SamplingRun"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listCalibrations: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sessions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CalibrationSession"][];
                        next_cursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createCalibration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CalibrationInput"];
            };
        };
        responses: {
            /** @description The session, open. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalibrationSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getCalibration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalibrationSession"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getCalibrationScore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                staff_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The participant's answers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalibrationScore"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    saveCalibrationAnswers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InspectionAnswers"];
            };
        };
        responses: {
            /** @description The caller's answers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalibrationScore"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    submitCalibration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InspectionAnswers"];
            };
        };
        responses: {
            /** @description The caller's answers with the card's score. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalibrationScore"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    closeCalibration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The closed session with its results. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalibrationSession"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listImprovementRootCauses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The categories. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ImprovementRootCause"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createImprovementRootCause: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImprovementRootCauseInput"];
            };
        };
        responses: {
            /** @description The category. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImprovementRootCause"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    updateImprovementRootCause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImprovementRootCauseInput"];
            };
        };
        responses: {
            /** @description The category. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImprovementRootCause"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listImprovementActions: {
        parameters: {
            query?: {
                status?: string;
                source?: string;
                source_id?: number;
                owner_id?: number;
                department_id?: number;
                overdue?: boolean;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The actions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ImprovementAction"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createImprovementAction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImprovementActionInput"];
            };
        };
        responses: {
            /** @description The action. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImprovementAction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getImprovementAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The action. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImprovementActionDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateImprovementAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImprovementActionInput"];
            };
        };
        responses: {
            /** @description The action. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImprovementAction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    transitionImprovementAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImprovementTransition"];
            };
        };
        responses: {
            /** @description The action. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImprovementAction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    triageImprovementSuggestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImprovementTriage"];
            };
        };
        responses: {
            /** @description The action. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImprovementAction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    suggestImprovement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    description: string;
                    department_id?: number;
                };
            };
        };
        responses: {
            /** @description The suggestion. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImprovementAction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listImprovementAudits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The records. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ImprovementAudit"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createImprovementAudit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImprovementAuditInput"];
            };
        };
        responses: {
            /** @description The record. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImprovementAudit"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getImprovementAudit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The record. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImprovementAudit"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    addImprovementFinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description The record. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImprovementAudit"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listMeasures: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createMeasure: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeasureDraft"];
            };
        };
        responses: {
            /** @description The measure. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Measure"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getMeasure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The measure code. */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    measureValues: {
        parameters: {
            query: {
                /** @description staff (default) or department (its whole subtree). */
                kind?: string;
                /** @description Start, inclusive: a date (the business zone's midnight) or an ISO time. */
                from: string;
                /** @description End, exclusive. */
                to: string;
            };
            header?: never;
            path: {
                /** @description The measure code. */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureValues"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    measureFacts: {
        parameters: {
            query: {
                /** @description staff (default) or department (its whole subtree). */
                kind?: string;
                /** @description Start, inclusive: a date (the business zone's midnight) or an ISO time. */
                from: string;
                /** @description End, exclusive. */
                to: string;
                /** @description The staff or department id. */
                subject_id: number;
                /** @description Keyset cursor. */
                after?: number;
                /** @description 1-500. */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The measure code. */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FactPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listFactSources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FactSourceList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listExclusionReasons: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExclusionReasonList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    addExclusionReason: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExclusionReasonDraft"];
            };
        };
        responses: {
            /** @description The reason. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExclusionReason"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    setExclusionReasonActive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reason code. */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExclusionReasonPatch"];
            };
        };
        responses: {
            /** @description The answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExclusionReason"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listExclusions: {
        parameters: {
            query?: {
                /** @description requested, approved or rejected. */
                status?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExclusionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    requestExclusion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExclusionDraft"];
            };
        };
        responses: {
            /** @description The request. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Exclusion"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    approveExclusion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The exclusion id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExclusionDecision"];
            };
        };
        responses: {
            /** @description The answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Exclusion"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    rejectExclusion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The exclusion id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExclusionDecision"];
            };
        };
        responses: {
            /** @description The answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Exclusion"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listMysteryScenarios: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The scenarios. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MysteryScenario"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createMysteryScenario: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MysteryScenarioInput"];
            };
        };
        responses: {
            /** @description The scenario. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MysteryScenario"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getMysteryScenario: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The scenario. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MysteryScenario"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateMysteryScenario: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MysteryScenarioInput"];
            };
        };
        responses: {
            /** @description The scenario. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MysteryScenario"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listMysteryScenarioVisits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The visits with the coverage. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MysteryVisit"][];
                        scenario: components["schemas"]["MysteryScenario"];
                        coverage: components["schemas"]["MysteryCoverage"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    generateMysteryVisits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    shopper_ids: number[];
                };
            };
        };
        responses: {
            /** @description The visits made (none when nothing was missing). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MysteryVisit"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listMysteryReimbursements: {
        parameters: {
            query?: {
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reimbursements. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MysteryVisit"][];
                        totals: components["schemas"]["MysteryClaimTotals"];
                        /** @description Per visit. */
                        budget: number | null;
                    };
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listMyMysteryVisits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The visits. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MysteryVisit"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getMysteryVisit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The visit. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MysteryVisitDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    saveMysteryReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MysteryReport"];
            };
        };
        responses: {
            /** @description The visit. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MysteryVisit"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    addMysteryReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The stored receipt (without its bytes). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MysteryReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getMysteryReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                receipt_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteMysteryReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                receipt_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    decideMysteryReimbursement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    decision: "approved" | "rejected";
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The visit. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MysteryVisit"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
}
type FlattenedDeepRequired<T> = {
    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;
};
type ReadonlyArray<T> = [
    Exclude<T, undefined>
] extends [
    unknown[]
] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;
export const pathsApiV1TicketsGetParametersQuerySla_stateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tickets"]["get"]["parameters"]["query"]["sla_state"]> = ["ok", "warning", "breached", "paused"];
export const pathsApiV1TicketsGetParametersQuerySortValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tickets"]["get"]["parameters"]["query"]["sort"]> = ["created_desc", "created_asc", "priority", "updated_desc"];
export const pathsApiV1TicketsBulkPostResponses201HeadersIdempotentReplayedValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tickets/bulk"]["post"]["responses"]["201"]["headers"]["Idempotent-Replayed"]> = ["true"];
export const pathsApiV1TicketsExportGetParametersQueryFormatValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tickets/export"]["get"]["parameters"]["query"]["format"]> = ["csv", "xlsx"];
export const pathsApiV1TicketsExportGetParametersQueryLangValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tickets/export"]["get"]["parameters"]["query"]["lang"]> = ["en", "zh"];
export const pathsApiV1TicketsExportGetParametersQuerySla_stateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/tickets/export"]["get"]["parameters"]["query"]["sla_state"]> = ["ok", "warning", "breached", "paused"];
export const pathsApiV1ImportsTemplateGetParametersQueryFormatValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/imports/template"]["get"]["parameters"]["query"]["format"]> = ["csv", "xlsx"];
export const pathsApiV1ImportsTemplateGetParametersQueryLangValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/imports/template"]["get"]["parameters"]["query"]["lang"]> = ["zh-CN", "en"];
export const pathsApiV1CallbacksGetParametersQueryStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/callbacks"]["get"]["parameters"]["query"]["state"]> = ["open", "overdue", "done"];
export const pathsApiV1SurveyResultsTrendGetParametersQueryBucketValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/survey-results/trend"]["get"]["parameters"]["query"]["bucket"]> = ["week", "month"];
export const pathsApiV1SurveyResultsTrendGetResponses200ContentApplicationJsonBucketValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/survey-results/trend"]["get"]["responses"]["200"]["content"]["application/json"]["bucket"]> = ["week", "month"];
export const pathsApiV1SurveyAgencyImportsTemplateGetParametersQueryLangValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/survey-agency-imports/template"]["get"]["parameters"]["query"]["lang"]> = ["zh-CN", "en"];
export const pathsApiV1SurveyTextsGetParametersQuerySourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/survey-texts"]["get"]["parameters"]["query"]["source"]> = ["link", "agency"];
export const pathsApiV1SurveyTextsSummaryGetParametersQuerySourceValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/survey-texts/summary"]["get"]["parameters"]["query"]["source"]> = ["link", "agency"];
export const pathsApiV1SurveyFollowupsGetParametersQueryStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/survey-followups"]["get"]["parameters"]["query"]["state"]> = ["open", "all"];
export const pathsApiV1SurveyFollowupsIdPatchRequestBodyContentApplicationJsonOutcomeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/survey-followups/{id}"]["patch"]["requestBody"]["content"]["application/json"]["outcome"]> = ["recontacted", "satisfied_after_redo", "rating_withdrawn"];
export const pathsApiV1InspectionsGetParametersQueryStateValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/inspections"]["get"]["parameters"]["query"]["state"]> = ["assigned", "in_progress", "submitted", "published", "acknowledged", "appealed", "final"];
export const pathsApiV1InspectionReportsTrendGetParametersQueryByValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/inspection-reports/trend"]["get"]["parameters"]["query"]["by"]> = ["agent", "department"];
export const pathsApiV1InspectionReportsTrendGetParametersQueryPeriodValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/inspection-reports/trend"]["get"]["parameters"]["query"]["period"]> = ["week", "month"];
export const pathsApiV1MysteryScenariosIdReimbursementsGetParametersQueryFormatValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/mystery-scenarios/{id}/reimbursements"]["get"]["parameters"]["query"]["format"]> = ["json", "csv"];
export const pathsApiV1MysteryVisitsIdReimbursementPostRequestBodyContentApplicationJsonDecisionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/mystery-visits/{id}/reimbursement"]["post"]["requestBody"]["content"]["application/json"]["decision"]> = ["approved", "rejected"];
export const mysteryScenarioInputChannelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MysteryScenarioInput"]["channel"]> = ["visit", "call", "chat"];
export const mysteryScenarioChannelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MysteryScenario"]["channel"]> = ["visit", "call", "chat"];
export const mysteryVisitChannelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MysteryVisit"]["channel"]> = ["visit", "call", "chat"];
export const mysteryVisitStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MysteryVisit"]["state"]> = ["assigned", "in_progress", "submitted", "published", "acknowledged", "appealed", "final"];
export const mysteryVisitClaimValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MysteryVisit"]["claim"]> = ["none", "pending", "approved", "rejected"];
export const mysteryReceiptContent_typeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MysteryReceipt"]["content_type"]> = ["image/jpeg", "image/png", "image/webp"];
export const surveyQuestionKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SurveyQuestion"]["kind"]> = ["csat", "nps", "ces", "likert", "single", "multiple", "text"];
export const surveyRuleInputTriggerValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SurveyRuleInput"]["trigger"]> = ["resolved", "closed"];
export const surveyRuleTriggerValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SurveyRule"]["trigger"]> = ["resolved", "closed"];
export const surveyInvitationStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SurveyInvitation"]["state"]> = ["pending", "open", "answered", "expired"];
export const surveyCampaignInputStratify_byValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SurveyCampaignInput"]["stratify_by"]> = ["none", "department", "tier"];
export const surveyCampaignStratify_byValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SurveyCampaign"]["stratify_by"]> = ["none", "department", "tier"];
export const surveyOpenTextSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SurveyOpenText"]["source"]> = ["link", "agency"];
export const surveyFollowUpSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SurveyFollowUp"]["source"]> = ["survey", "callback"];
export const surveyFollowUpOutcomeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SurveyFollowUp"]["outcome"]> = ["recontacted", "satisfied_after_redo", "rating_withdrawn"];
export const publicSurveyStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PublicSurvey"]["state"]> = ["open", "answered", "expired"];
export const measureAggregationKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MeasureAggregation"]["kind"]> = ["count", "sum", "mean", "min", "max", "percentile", "ratio"];
export const measureDraftUnitValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MeasureDraft"]["unit"]> = ["percent", "per_mille", "ratio", "minutes", "hours", "count", "number", "points"];
export const measureDraftDirectionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MeasureDraft"]["direction"]> = ["higher", "lower"];
export const factFieldTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["FactField"]["type"]> = ["boolean", "integer", "number", "text"];
export const exclusionStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Exclusion"]["status"]> = ["requested", "approved", "rejected"];
export const errorErrorCodeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Error"]["error"]["code"]> = ["invalid", "unauthenticated", "forbidden", "not_found", "method_not_allowed", "request_timeout", "conflict", "payload_too_large", "unsupported_media_type", "header_too_large", "too_many_requests", "unavailable", "internal"];
export const healthStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Health"]["status"]> = ["ok", "unavailable"];
export const roleCodeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RoleCode"]> = ["admin", "quality", "executive", "manager", "agent", "engineer", "evaluator", "customer"];
export const ticketTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketType"]> = ["consultation", "request", "incident", "complaint", "suggestion"];
export const ticketChannelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketChannel"]> = ["phone", "email", "chat", "portal", "walk_in", "api"];
export const ticketPriorityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketPriority"]> = ["P1", "P2", "P3", "P4"];
export const ticketStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketStatus"]> = ["new", "accepted", "in_progress", "waiting_customer", "resolved", "callback_done", "closed", "cancelled", "merged"];
export const ticketActionNameValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketActionName"]> = ["accept", "respond", "start", "wait", "resume", "resolve", "callback", "close", "reopen", "cancel", "merge", "transfer", "escalate", "assign", "comment"];
export const complaintCategoryValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ComplaintCategory"]> = ["attitude", "efficiency", "professionalism", "outcome", "facilities", "other"];
export const ticketActionInputEscalationValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketActionInput"]["escalation"]> = ["technical", "manager"];
export const ticketActionInputResolvedValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketActionInput"]["resolved"]> = ["resolved", "partly", "not_resolved"];
export const ticketActionInputSatisfactionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketActionInput"]["satisfaction"]> = ["satisfied", "basically_satisfied", "dissatisfied", "not_rated"];
export const ticketCommentVisibilityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketComment"]["visibility"]> = ["public", "internal"];
export const ticketTimerKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketTimer"]["kind"]> = ["first_response", "resolution", "callback", "handover"];
export const ticketTimerStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketTimer"]["state"]> = ["running", "paused", "met", "breached"];
export const ticketCallbackResolvedValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketCallback"]["resolved"]> = ["resolved", "partly", "not_resolved"];
export const ticketCallbackSatisfactionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketCallback"]["satisfaction"]> = ["satisfied", "basically_satisfied", "dissatisfied", "not_rated"];
export const customerKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Customer"]["kind"]> = ["person", "organisation"];
export const customerCreateKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CustomerCreate"]["kind"]> = ["person", "organisation"];
export const deskDashboardAttainmentPeriodValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DeskDashboard"]["attainment"]["period"]> = ["today", "week", "month"];
export const callbackQueueItemResolvedValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CallbackQueueItem"]["resolved"]> = ["resolved", "partly", "not_resolved"];
export const callbackQueueItemSatisfactionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CallbackQueueItem"]["satisfaction"]> = ["satisfied", "basically_satisfied", "dissatisfied", "not_rated"];
export const calendarExceptionKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CalendarException"]["kind"]> = ["holiday", "workday"];
export const calendarExceptionHours_ofValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CalendarException"]["hours_of"]> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
export const slaTimerKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SlaTimerKind"]> = ["first_response", "resolution", "callback", "handover"];
export const slaPriorityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SlaPriority"]> = ["P1", "P2", "P3", "P4"];
export const slaCandidateVerdictValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SlaCandidate"]["verdict"]> = ["applied", "inactive", "not_matching", "less_specific", "lost_tie_break"];
export const slaCandidateChecksCriterionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SlaCandidate"]["checks"]["criterion"]> = ["category", "customer_tier", "ticket_type", "priority", "channel"];
export const ticketImportJobStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketImportJob"]["status"]> = ["validating", "applying", "done", "failed"];
export const ticketImportJobFormatValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TicketImportJob"]["format"]> = ["csv", "xlsx"];
export const ahpRequestMethodValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AhpRequest"]["method"]> = ["eigenvector", "geometric_mean"];
export const ahpResultMethodValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AhpResult"]["method"]> = ["eigenvector", "geometric_mean"];
export const rsrRequestRanksValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RsrRequest"]["ranks"]> = ["integer", "non_integer"];
export const agreementRequestWeightsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgreementRequest"]["weights"]> = ["none", "linear", "quadratic"];
export const scorecardItemScaleValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ScorecardItem"]["scale"]> = ["yes_no", "three_point", "four_point", "five_point", "points"];
export const scorecardItemCriticalValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ScorecardItem"]["critical"]> = ["none", "section", "card"];
export const scorecardDefinitionMethodValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ScorecardDefinition"]["method"]> = ["total_points", "section_weights"];
export const inspectionAssignmentKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InspectionAssignment"]["kind"]> = ["ticket_review", "routine_check", "surprise_check"];
export const inspectionPhotoContent_typeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InspectionPhoto"]["content_type"]> = ["image/jpeg", "image/png", "image/webp"];
export const inspectionDecisionOutcomeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InspectionDecision"]["outcome"]> = ["upheld", "partly_upheld", "rejected"];
export const improvementActionInputSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ImprovementActionInput"]["source"]> = ["inspection", "complaint", "sla_trend", "survey", "audit_finding", "suggestion", "other"];
export const improvementActionInputDirectionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ImprovementActionInput"]["direction"]> = ["up", "down"];
export const improvementActionInputSubject_kindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ImprovementActionInput"]["subject_kind"]> = ["staff", "department"];
export const improvementActionSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ImprovementAction"]["source"]> = ["inspection", "complaint", "sla_trend", "survey", "audit_finding", "suggestion", "other"];
export const improvementActionStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ImprovementAction"]["status"]> = ["proposed", "open", "in_progress", "done", "verified", "not_effective", "reopened", "cancelled", "declined"];
export const improvementActionDirectionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ImprovementAction"]["direction"]> = ["up", "down"];
export const improvementActionSubject_kindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ImprovementAction"]["subject_kind"]> = ["staff", "department"];
export const improvementTransitionOpValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ImprovementTransition"]["op"]> = ["start", "complete", "verify", "reopen", "cancel"];
export const improvementTriageDecisionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ImprovementTriage"]["decision"]> = ["accept", "decline"];
export const improvementAuditInputKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ImprovementAuditInput"]["kind"]> = ["internal_audit", "management_review"];
export const improvementAuditKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ImprovementAudit"]["kind"]> = ["internal_audit", "management_review"];
export const inspectionKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Inspection"]["kind"]> = ["ticket_review", "routine_check", "surprise_check"];
export const inspectionStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Inspection"]["state"]> = ["assigned", "in_progress", "submitted", "published", "acknowledged", "appealed", "final"];
export const samplingPlanChangeQuotaValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SamplingPlanChange"]["quota"]> = ["percent", "per_agent"];
export const samplingPlanInputCycleValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SamplingPlanInput"]["cycle"]> = ["week", "month"];
export const samplingPlanInputQuotaValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SamplingPlanInput"]["quota"]> = ["percent", "per_agent"];
export const calibrationScoreRoleValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CalibrationScore"]["role"]> = ["reviewer", "expert"];
export const calibrationResultsTotalsRoleValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CalibrationResults"]["totals"]["role"]> = ["reviewer", "expert"];
export const calibrationSessionStateValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CalibrationSession"]["state"]> = ["open", "closed"];
export const samplingCoverageShortfallValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SamplingCoverage"]["shortfall"]> = ["too_few_tickets"];
export const inspectionAppealOutcomeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InspectionAppeal"]["outcome"]> = ["upheld", "partly_upheld", "rejected"];
export const inspectionAnswerOneOf1Values: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InspectionAnswer"]> = ["na"];
export const componentsParametersSurveySourceFilterValues: ReadonlyArray<FlattenedDeepRequired<components>["parameters"]["SurveySourceFilter"]> = ["link", "callback", "agency"];
