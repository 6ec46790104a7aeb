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
  "LoginRequest": {
    "required": [
      "username",
      "password"
    ],
    "maxLength": {
      "username": 64,
      "password": 256
    },
    "minLength": {
      "username": 1,
      "password": 1
    }
  },
  "PasswordChange": {
    "required": [
      "current_password",
      "new_password"
    ],
    "maxLength": {
      "current_password": 256,
      "new_password": 128
    },
    "minLength": {
      "current_password": 1,
      "new_password": 10
    }
  },
  "DepartmentCreate": {
    "required": [
      "name"
    ],
    "maxLength": {
      "name": 100,
      "code": 32
    },
    "minLength": {
      "name": 1,
      "code": 1
    }
  },
  "DepartmentPatch": {
    "required": [],
    "maxLength": {
      "name": 100,
      "code": 32
    },
    "minLength": {
      "name": 1,
      "code": 1
    }
  },
  "StaffCreate": {
    "required": [
      "username",
      "display_name",
      "roles",
      "password"
    ],
    "maxLength": {
      "username": 64,
      "display_name": 100,
      "title": 200,
      "email": 200,
      "phone": 40,
      "password": 128
    },
    "minLength": {
      "username": 3,
      "display_name": 1,
      "password": 10
    }
  },
  "StaffPatch": {
    "required": [],
    "maxLength": {
      "display_name": 100,
      "title": 200,
      "email": 200,
      "phone": 40,
      "password": 128
    },
    "minLength": {
      "display_name": 1,
      "password": 10
    }
  },
  "ApiTokenCreate": {
    "required": [
      "name",
      "scopes"
    ],
    "maxLength": {
      "name": 100
    },
    "minLength": {
      "name": 1
    }
  },
  "ComplaintCreate": {
    "required": [
      "category"
    ],
    "maxLength": {},
    "minLength": {}
  },
  "TicketCreate": {
    "required": [
      "type",
      "channel",
      "title"
    ],
    "maxLength": {
      "title": 200,
      "description": 20000
    },
    "minLength": {
      "title": 1
    }
  },
  "PortalComplaintCreate": {
    "required": [
      "category"
    ],
    "maxLength": {},
    "minLength": {}
  },
  "PortalTicketCreate": {
    "required": [
      "type",
      "title"
    ],
    "maxLength": {
      "title": 200,
      "description": 20000
    },
    "minLength": {
      "title": 1
    }
  },
  "PortalReply": {
    "required": [
      "body"
    ],
    "maxLength": {
      "body": 20000
    },
    "minLength": {
      "body": 1
    }
  },
  "TicketActionInput": {
    "required": [],
    "maxLength": {
      "note": 20000
    },
    "minLength": {}
  },
  "ComplaintPatch": {
    "required": [],
    "maxLength": {
      "findings": 20000,
      "remedy": 20000,
      "communicated_how": 200
    },
    "minLength": {}
  },
  "CustomerCreate": {
    "required": [
      "name"
    ],
    "maxLength": {
      "name": 100,
      "tier": 40,
      "phone": 40,
      "email": 200
    },
    "minLength": {
      "name": 1,
      "tier": 1
    }
  },
  "TicketCategoryCreate": {
    "required": [
      "name"
    ],
    "maxLength": {
      "name": 100
    },
    "minLength": {
      "name": 1
    }
  },
  "TicketSavedViewCreate": {
    "required": [
      "name",
      "filters"
    ],
    "maxLength": {
      "name": 60
    },
    "minLength": {
      "name": 1
    }
  },
  "CalendarException": {
    "required": [
      "date",
      "kind"
    ],
    "maxLength": {},
    "minLength": {}
  },
  "Calendar": {
    "required": [
      "code",
      "name",
      "time_zone"
    ],
    "maxLength": {},
    "minLength": {}
  },
  "SlaTarget": {
    "required": [
      "kind",
      "business_minutes",
      "calendar_code"
    ],
    "maxLength": {},
    "minLength": {}
  },
  "SlaMatch": {
    "required": [],
    "maxLength": {},
    "minLength": {}
  },
  "SlaTicketFacts": {
    "required": [],
    "maxLength": {},
    "minLength": {}
  }
} as const satisfies Record<string, SchemaConstraints>;

export type ConstrainedSchema = keyof typeof constraints;
