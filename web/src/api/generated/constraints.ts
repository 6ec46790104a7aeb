// Generated from docs/openapi.yaml by web/scripts/gen-api.mjs (npm run gen:api). Do not edit;
// change the spec and regenerate. tests/api-types.test.mjs fails when this file is stale.
/* eslint-disable */

/** A request schema's rules: which fields must be sent, and the length limits of text fields. */
export interface SchemaConstraints {
  readonly required: readonly string[];
  readonly maxLength: Readonly<Record<string, number>>;
  readonly minLength: Readonly<Record<string, number>>;
}

export const constraints = {
  "Error": {"required":["error"],"maxLength":{},"minLength":{}},
  "FieldProblem": {"required":["message"],"maxLength":{},"minLength":{}},
  "Health": {"required":["status"],"maxLength":{},"minLength":{}},
  "Role": {"required":["code","permissions"],"maxLength":{},"minLength":{}},
  "RoleList": {"required":["items"],"maxLength":{},"minLength":{}},
  "Page": {"required":["items","next_cursor"],"maxLength":{},"minLength":{}},
  "LoginRequest": {"required":["username","password"],"maxLength":{"username":64,"password":256},"minLength":{"username":1,"password":1}},
  "LoginResponse": {"required":["user","csrf_token"],"maxLength":{},"minLength":{}},
  "PasswordChange": {"required":["current_password","new_password"],"maxLength":{"current_password":256,"new_password":128},"minLength":{"current_password":1,"new_password":10}},
  "Department": {"required":["id","parent_id","name","code","active","staff_count","created_at","updated_at"],"maxLength":{},"minLength":{}},
  "DepartmentCreate": {"required":["name"],"maxLength":{"name":100,"code":32},"minLength":{"name":1,"code":1}},
  "DepartmentPatch": {"required":[],"maxLength":{"name":100,"code":32},"minLength":{"name":1,"code":1}},
  "Staff": {"required":["id","username","display_name","department_id","department_name","title","email","phone","roles","scope_department_ids","active","created_at","updated_at"],"maxLength":{},"minLength":{}},
  "StaffCreate": {"required":["username","display_name","roles","password"],"maxLength":{"username":64,"display_name":100,"title":200,"email":200,"phone":40,"password":128},"minLength":{"username":3,"display_name":1,"password":10}},
  "StaffPatch": {"required":[],"maxLength":{"display_name":100,"title":200,"email":200,"phone":40,"password":128},"minLength":{"display_name":1,"password":10}},
  "ApiToken": {"required":["id","staff_id","name","scopes","created_at","expires_at","revoked_at","last_used_at"],"maxLength":{},"minLength":{}},
  "ApiTokenCreate": {"required":["name","scopes"],"maxLength":{"name":100},"minLength":{"name":1}},
  "Event": {"required":["seq","at","actor","entity","entity_id","type","data","hash"],"maxLength":{},"minLength":{}},
  "Ticket": {"required":["id","number","type","channel","priority","status","title","description","customer_id","customer_name","category_id","category_name","department_id","department_name","assignee_id","assignee_name","merged_into","cancel_reason","transfer_count","sendback_count","reopen_count","escalation_level","sla_policy_id","sla_policy_version","sla_summary","created_at","accepted_at","first_response_at","resolved_at","closed_at","updated_at"],"maxLength":{},"minLength":{}},
  "ComplaintCreate": {"required":["category"],"maxLength":{},"minLength":{}},
  "TicketCreate": {"required":["type","channel","title"],"maxLength":{"title":200,"description":20000},"minLength":{"title":1}},
  "PortalComplaintCreate": {"required":["category"],"maxLength":{},"minLength":{}},
  "PortalTicketCreate": {"required":["type","title"],"maxLength":{"title":200,"description":20000},"minLength":{"title":1}},
  "PortalReply": {"required":["body"],"maxLength":{"body":20000},"minLength":{"body":1}},
  "TicketActionInput": {"required":[],"maxLength":{"note":20000},"minLength":{}},
  "TicketComment": {"required":["id","author","visibility","body","created_at"],"maxLength":{},"minLength":{}},
  "TicketTimelineEntry": {"required":["seq","at","actor","type","data"],"maxLength":{},"minLength":{}},
  "TicketTimer": {"required":["id","kind","transfer_id","policy_id","policy_version","target_minutes","calendar","started_at","stopped_at","pauses","state","due_at","warning_at","warning_reached","remaining_business_ms","elapsed_business_ms","paused_business_ms","overrun_business_ms","overrun_wall_ms"],"maxLength":{},"minLength":{}},
  "TicketCallback": {"required":["id","ticket_id","created_at","due_at","done_at","done_by","reached","resolved","satisfaction","notes"],"maxLength":{},"minLength":{}},
  "Complaint": {"required":["category","about_staff_id","about_department_id","severity","responsible_id","deadline_at","findings","substantiated","remedy","communicated_at","communicated_how"],"maxLength":{},"minLength":{}},
  "ComplaintPatch": {"required":[],"maxLength":{"findings":20000,"remedy":20000,"communicated_how":200},"minLength":{}},
  "Customer": {"required":["id","name","kind","organisation_id","organisation_name","tier","phone","email","account_id","created_at"],"maxLength":{},"minLength":{}},
  "CustomerCreate": {"required":["name"],"maxLength":{"name":100,"tier":40,"phone":40,"email":200},"minLength":{"name":1,"tier":1}},
  "TicketCategory": {"required":["id","parent_id","name","active"],"maxLength":{},"minLength":{}},
  "TicketCategoryCreate": {"required":["name"],"maxLength":{"name":100},"minLength":{"name":1}},
  "AttainmentRate": {"required":["met","total","rate"],"maxLength":{},"minLength":{}},
  "DeskDashboard": {"required":["open_by_status","warnings_now","breaches_now","attainment","by_department","at"],"maxLength":{},"minLength":{}},
  "ComplaintSummary": {"required":["from","to","total","open","overdue","substantiated","by_category","by_department","repeat_complainants","weekly"],"maxLength":{},"minLength":{}},
  "CallbackQueueItem": {"required":["id","ticket_id","ticket_number","ticket_title","customer_name","due_at","done_at","reached","resolved","satisfaction","notes","done_by","overdue"],"maxLength":{},"minLength":{}},
  "Notification": {"required":["id","kind","ticket_id","message","key","args","created_at","read_at"],"maxLength":{},"minLength":{}},
  "NotificationList": {"required":["items","unread_count"],"maxLength":{},"minLength":{}},
  "TicketSavedView": {"required":["id","name","filters","created_at"],"maxLength":{},"minLength":{}},
  "TicketSavedViewCreate": {"required":["name","filters"],"maxLength":{"name":60},"minLength":{"name":1}},
  "TicketViewList": {"required":["items"],"maxLength":{},"minLength":{}},
  "CalendarException": {"required":["date","kind"],"maxLength":{},"minLength":{}},
  "Calendar": {"required":["code","name","time_zone"],"maxLength":{},"minLength":{}},
  "CalendarPage": {"required":["items","next_cursor"],"maxLength":{},"minLength":{}},
  "CalendarDue": {"required":["due"],"maxLength":{},"minLength":{}},
  "SlaTarget": {"required":["kind","business_minutes","calendar_code"],"maxLength":{},"minLength":{}},
  "SlaMatch": {"required":[],"maxLength":{},"minLength":{}},
  "SlaPolicyInput": {"required":["name","targets"],"maxLength":{"name":100},"minLength":{"name":1}},
  "SlaPolicy": {"required":["id","version","name","match","targets","warning_fraction","active"],"maxLength":{},"minLength":{}},
  "SlaPolicyPage": {"required":["items","next_cursor"],"maxLength":{},"minLength":{}},
  "SlaTicketFacts": {"required":[],"maxLength":{},"minLength":{}},
  "SlaCandidate": {"required":["policy_id","policy_version","policy_name","verdict","specificity","category_depth","checks","decided_by","reason"],"maxLength":{},"minLength":{}},
  "SlaExplanation": {"required":["policy_id","policy_version","policy","summary","candidates"],"maxLength":{},"minLength":{}},
  "TicketImportError": {"required":["line","column","reason"],"maxLength":{},"minLength":{}},
  "TicketImportJob": {"required":["id","status","filename","format","total","done","errors","error_count","created_tickets","started_at"],"maxLength":{},"minLength":{}},
  "TicketBulkCreated": {"required":["created","tickets"],"maxLength":{},"minLength":{}},
  "TicketBulkRejected": {"required":["error","errors","error_count"],"maxLength":{},"minLength":{}},
} as const satisfies Record<string, SchemaConstraints>;

export type ConstrainedSchema = keyof typeof constraints;
