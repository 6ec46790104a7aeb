// How an inspection is named on the pages: its state as a tag, what was inspected, its kind, and
// where a site check was made.
import { EyeInvisibleOutlined } from '@ant-design/icons';
import { Space, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Inspection, InspectionLocation, InspectionState } from '../../api/inspection';

const STATE_COLOURS: Record<InspectionState, string> = {
  assigned: 'default',
  in_progress: 'processing',
  submitted: 'blue',
  published: 'gold',
  acknowledged: 'success',
  appealed: 'volcano',
  final: 'purple',
};

/** Latitude and longitude to 5 decimals (about a metre), with the reported accuracy; "not recorded" without. */
export function LocationText({ location }: { location?: InspectionLocation | null }) {
  const { t } = useTranslation();
  if (!location) return <>{t('inspection.site.noLocation')}</>;
  const accuracy = location.accuracy_m === null || location.accuracy_m === undefined ? '' : ` ${t('inspection.site.accuracy', { meters: Math.round(location.accuracy_m) })}`;
  return <>{`${location.latitude.toFixed(5)}, ${location.longitude.toFixed(5)}${accuracy}`}</>;
}

export function StateTag({ state }: { state: InspectionState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="inspection-state">
      {t(`inspection.state.${state}`)}
    </Tag>
  );
}

/** The ticket (a link) or the department inspected, with its kind and a covert mark. */
export function Subject({ inspection: i, link = true }: { inspection: Inspection; link?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <span>{t(`inspection.kind.${i.kind}`)}</span>
      {i.ticket_id ? (
        link ? <Link to={`/desk/tickets/${i.ticket_id}`}>{i.ticket_number || `#${i.ticket_id}`}</Link> : <span>{i.ticket_number}</span>
      ) : (
        <span>{i.department_name}</span>
      )}
      {i.covert && (
        <Tag icon={<EyeInvisibleOutlined />} color="default">
          {t('inspection.covert')}
        </Tag>
      )}
    </Space>
  );
}

export function inspectionPath(id: number): string {
  return `/inspection/inspections/${id}`;
}

/** The tables' first column: the inspection's number, a link to its page. */
export function idColumn(): ColumnType<Inspection> {
  return { title: '#', dataIndex: 'id', render: (id: number) => <Link to={inspectionPath(id)}>{id}</Link> };
}
