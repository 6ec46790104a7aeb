// The service catalogue (ticket categories) as a tree: add, rename, move, deactivate and reactivate.
// SLA policies match a category and everything below it, so the tree's shape matters to them.
import { useTranslation } from 'react-i18next';
import { createCategory, listCategories, updateCategory } from '../../api/desk';
import type { Category } from '../../api/deskTypes';
import StatusTag from '../../components/StatusTag';
import { invalidateCategories } from '../../components/desk/CategoryTreeSelect';
import TreeAdmin, { type TreeEdit, type TreeEditValues } from '../../components/tree/TreeAdmin';
import { pathNames } from '../../lib/tree';

function save(edit: TreeEdit<Category>, values: TreeEditValues): Promise<Category> {
  switch (edit.mode) {
    case 'create':
      return createCategory((values.name ?? '').trim(), values.parent_id ?? null);
    case 'rename':
      return updateCategory(edit.item.id, { name: (values.name ?? '').trim() });
    case 'move':
      return updateCategory(edit.item.id, { parent_id: values.parent_id ?? null });
  }
}

export default function Categories() {
  const { t } = useTranslation();
  return (
    <TreeAdmin<Category>
      kind="categories"
      testId="category"
      load={listCategories}
      canWrite
      save={save}
      setActive={(category, active) => updateCategory(category.id, { active })}
      afterChange={invalidateCategories}
      editor={{ schema: 'TicketCategoryCreate', topLevelMove: true }}
      inactiveSwitch
      intro={t('categories.intro')}
      details={(category, categories) => {
        const children = categories.filter((c) => c.parent_id === category.id);
        return [
          { label: t('categories.path'), value: pathNames(categories, category.id).join(' / '), testId: 'category-path' },
          {
            label: t('categories.parent'),
            value:
              category.parent_id === null
                ? t('categories.topLevel')
                : (categories.find((c) => c.id === category.parent_id)?.name ?? `#${category.parent_id}`),
          },
          {
            label: t('categories.children'),
            value: children.length === 0 ? t('common.none') : children.map((c) => c.name).join(t('common.listSeparator')),
          },
          { label: t('common.status'), value: <StatusTag active={category.active} /> },
          { label: 'ID', value: category.id },
        ];
      }}
    />
  );
}
