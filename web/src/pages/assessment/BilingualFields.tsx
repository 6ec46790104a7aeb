// A form's pair of fields for one text in both languages (`name.zh` and `name.en`), both required.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

export default function BilingualFields({ name, what }: { name: 'name' | 'definition'; what: 'name' | 'definition' }) {
  const { t } = useTranslation();
  const rules = [{ required: true, message: t('assessment.required') }];
  const Field = what === 'definition' ? Input.TextArea : Input;
  return (
    <>
      <Form.Item name={[name, 'zh']} label={t(`assessment.library.${what}Zh`)} rules={rules}>
        <Field {...(what === 'definition' ? { rows: 2 } : {})} />
      </Form.Item>
      <Form.Item name={[name, 'en']} label={t(`assessment.library.${what}En`)} rules={rules}>
        <Field {...(what === 'definition' ? { rows: 2 } : {})} />
      </Form.Item>
    </>
  );
}
