// Adds holidays and make-up days to a calendar from a JSON calendar or an iCalendar feed.
import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importCalendar } from '../../../api/sla';
import type { ImportedCalendar } from '../../../api/slaTypes';
import SubmitAlert from '../../../components/SubmitAlert';
import { useSubmit } from '../../../lib/useSubmit';

interface Props {
  code: string;
  onClose: () => void;
  onImported: (cal: ImportedCalendar) => void;
}

export default function ImportModal({ code, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const submit = useSubmit(
    null,
    (body: string) => importCalendar(code, body, body.startsWith('{') ? 'application/json' : 'text/calendar'),
    { onSuccess: onImported },
  );
  return (
    <Modal
      open
      title={t('calendars.importTitle', { code })}
      okText={t('calendars.import')}
      okButtonProps={{ disabled: !text.trim() }}
      confirmLoading={submit.pending}
      onOk={() => void submit.run(text.trim())}
      onCancel={onClose}
      width={720}
    >
      <Typography.Paragraph type="secondary">{t('calendars.importHelp')}</Typography.Paragraph>
      <SubmitAlert submit={submit} />
      <input
        type="file"
        accept=".ics,.json,text/calendar,application/json"
        aria-label={t('calendars.importFile')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void file.text().then(setText);
        }}
        style={{ marginBottom: 12 }}
      />
      <Input.TextArea
        rows={12}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={'BEGIN:VCALENDAR\n…\nEND:VCALENDAR'}
        style={{ fontFamily: 'monospace' }}
        data-testid="import-text"
      />
    </Modal>
  );
}
