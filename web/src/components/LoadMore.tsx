import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  count: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** Footer under a cursor-paged table: how many rows are loaded and a button for the next page. */
export default function LoadMore({ count, hasMore, loading, onLoadMore }: Props) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Flex justify="center" align="center" gap="middle" style={{ marginTop: 16 }}>
      <Typography.Text type="secondary">
        {hasMore ? t('common.loaded', { count }) : t('common.allLoaded', { count })}
      </Typography.Text>
      {hasMore && (
        <Button onClick={onLoadMore} loading={loading}>
          {t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
