import { Table, type TableProps } from 'antd';
import type { CursorList } from '../lib/useCursorList';
import ErrorAlert from './ErrorAlert';
import LoadMore from './LoadMore';

type Props<T> = Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'> & {
  list: CursorList<T>;
  emptyText: string;
};

/** A table over a cursor-paged list: error banner, loading state, empty text and "load more". */
export default function CursorTable<T extends object>({ list, emptyText, ...props }: Props<T>) {
  return (
    <>
      {list.error && <ErrorAlert error={list.error} onRetry={list.items.length === 0 ? list.reload : list.loadMore} />}
      <Table<T>
        size="middle"
        scroll={{ x: 'max-content' }}
        {...props}
        dataSource={list.items}
        loading={list.loading && list.items.length === 0}
        pagination={false}
        locale={{ emptyText }}
      />
      <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.loading} onLoadMore={list.loadMore} />
    </>
  );
}
