// The fields of a callback (回访) record: reached, resolved, satisfaction and notes. Used inside a
// Form on the ticket page and in the callback queue.
import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallbackResolved, Satisfaction } from '../../api/deskTypes';
import { useDeskOptions } from './options';

export interface CallbackValues {
  reached?: boolean;
  resolved?: CallbackResolved;
  satisfaction?: Satisfaction;
  note?: string;
}

export default function CallbackFields() {
  const { t } = useTranslation();
  const options = useDeskOptions();
  const reached = Form.useWatch<boolean | undefined>('reached');
  return (
    <>
      <Form.Item name="reached" label={t('callbacks.reachedQuestion')} rules={[{ required: true, message: t('common.required') }]}>
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: t('callbacks.reached') },
            { value: false, label: t('callbacks.notReached') },
          ]}
        />
      </Form.Item>
      {reached !== false && (
        <>
          <Form.Item name="resolved" label={t('callbacks.resolved')} rules={[{ required: reached === true, message: t('common.required') }]}>
            <Radio.Group optionType="button" options={options.resolved} />
          </Form.Item>
          <Form.Item name="satisfaction" label={t('callbacks.satisfaction')}>
            <Radio.Group optionType="button" options={options.satisfactions} />
          </Form.Item>
        </>
      )}
      <Form.Item name="note" label={t('callbacks.notes')}>
        <Input.TextArea rows={3} maxLength={20000} />
      </Form.Item>
    </>
  );
}

/** The action body for a callback record. */
export function callbackInput(values: CallbackValues) {
  return {
    reached: values.reached,
    resolved: values.reached ? values.resolved : undefined,
    satisfaction: values.reached ? values.satisfaction : undefined,
    note: values.note?.trim() || undefined,
  };
}
