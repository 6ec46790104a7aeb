import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoleLabel } from './roles';

const COLORS: Record<string, string> = {
  admin: 'red',
  quality: 'purple',
  executive: 'gold',
  manager: 'blue',
  agent: 'cyan',
  engineer: 'geekblue',
  evaluator: 'magenta',
  customer: 'green',
};

export default function RoleTags({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  const label = useRoleLabel();
  if (roles.length === 0) return <span>{t('common.none')}</span>;
  return (
    <Space size={[0, 4]} wrap>
      {roles.map((role) => (
        <Tag key={role} color={COLORS[role]}>
          {label(role)}
        </Tag>
      ))}
    </Space>
  );
}
