// Form rules from the API's own request schemas (generated/constraints.ts, from docs/openapi.yaml):
// a field is marked required when the server requires it, and text inputs stop at the server's
// length limit, so the form and the API cannot disagree.
import type { FormRule } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { constraints, type ConstrainedSchema, type SchemaConstraints } from '../api/generated/constraints';

export interface FieldRuleOptions {
  /** Required whatever the schema says (a rule that depends on other fields, e.g. the ticket type). */
  required?: boolean;
  /** The value's type when it is not text: an empty list or a missing number then counts as empty. */
  type?: 'array' | 'number';
}

export interface SchemaRules {
  /** The rules of `field`: required (with the translated message) and the minimum length. */
  rules: (field: string, options?: FieldRuleOptions) => FormRule[];
  /** True when the schema lists `field` as required. */
  isRequired: (field: string) => boolean;
  /** The longest text the server accepts in `field`. */
  maxLength: (field: string) => number | undefined;
  /** The shortest text the server accepts in `field` (0 when it has no minimum). */
  minLength: (field: string) => number;
}

export function useSchemaRules(schema: ConstrainedSchema): SchemaRules {
  const { t } = useTranslation();
  return useMemo(() => {
    const c: SchemaConstraints = constraints[schema];
    const isRequired = (field: string) => c.required.includes(field);
    return {
      isRequired,
      maxLength: (field) => c.maxLength[field],
      minLength: (field) => c.minLength[field] ?? 0,
      rules: (field, options = {}) => {
        const out: FormRule[] = [];
        if (options.required ?? isRequired(field)) {
          out.push(
            options.type
              ? { required: true, type: options.type, message: t('common.required') }
              : { required: true, whitespace: true, message: t('common.required') },
          );
        }
        const min = c.minLength[field];
        if (!options.type && min !== undefined && min > 1) {
          out.push({ min, message: t('common.minLength', { count: min }) });
        }
        return out;
      },
    };
  }, [schema, t]);
}
