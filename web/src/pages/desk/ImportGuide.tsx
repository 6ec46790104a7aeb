// The import guide in the app (docs/import.md, the part a person filling in a file needs): the
// columns with their English and Chinese headers, what each takes, and the rules for times,
// formats and limits, in the UI's language. It works without a docs server.
import { Drawer, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The import columns in the documented order, with their Chinese headers. */
const COLUMNS = [
  ['type', '类型'],
  ['channel', '渠道'],
  ['priority', '优先级'],
  ['title', '标题'],
  ['description', '描述'],
  ['customer', '客户'],
  ['category', '分类'],
  ['department', '部门'],
  ['assignee', '处理人'],
  ['created_at', '创建时间'],
  ['first_response_at', '首次响应时间'],
  ['resolved_at', '解决时间'],
  ['callback_at', '回访时间'],
  ['callback_resolved', '回访结果'],
  ['satisfaction', '满意度'],
  ['closed_at', '关闭时间'],
  ['external_id', '外部编号'],
  ['complaint_category', '投诉类别'],
] as const;
type GuideRow = (typeof COLUMNS)[number];

export default function ImportGuide({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer title={t('imports.guideTitle')} open={open} onClose={onClose} width={860} data-testid="import-guide">
      <Typography.Paragraph>{t('imports.guideIntro')}</Typography.Paragraph>
      <Table<GuideRow>
        size="small"
        pagination={false}
        rowKey={(row) => row[0]}
        dataSource={[...COLUMNS] as GuideRow[]}
        data-testid="import-guide-columns"
        columns={[
          {
            title: t('imports.guideColumn'),
            key: 'column',
            width: 200,
            render: (_: unknown, [en, zh]) => (
              <>
                <Typography.Text code>{en}</Typography.Text> {zh}
              </>
            ),
          },
          { title: t('imports.guideRequired'), key: 'required', width: 170, render: (_: unknown, [en]) => t(`imports.col.${en}.required`) },
          { title: t('imports.guideValue'), key: 'value', render: (_: unknown, [en]) => t(`imports.col.${en}.value`) },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 16 }}>{t('imports.guideTimes')}</Typography.Paragraph>
      <Typography.Paragraph>{t('imports.guideFormats')}</Typography.Paragraph>
      <Typography.Paragraph>{t('imports.guideLimits')}</Typography.Paragraph>
      <Typography.Paragraph>{t('imports.guideAllOrNothing')}</Typography.Paragraph>
    </Drawer>
  );
}
