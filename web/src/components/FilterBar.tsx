import { ClearOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  children: ReactNode;
  onReset: () => void;
}

/** The row of filter inputs above a list table, with a reset button at the end. */
export default function FilterBar({ children, onReset }: Props) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex wrap gap="small" align="center">
        {children}
        <Button icon={<ClearOutlined />} onClick={onReset}>
          {t('common.reset')}
        </Button>
      </Flex>
    </Card>
  );
}
