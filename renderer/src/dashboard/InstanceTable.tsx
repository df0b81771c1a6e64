// The fleet table: sortable headers, a checkbox per row for bulk actions, and virtualized rows
// (only what is on screen is in the DOM) so 1,000 instances scroll and sort without lag.
// A real <table> with spacer rows above and below the rendered window keeps table semantics.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGpu, formatMoney, formatPercent, formatPerHour } from '../../../preload/format';
import type { DisplayState, Instance } from '../../../preload/models';
import { ElapsedText } from '../components/ElapsedText';
import { StateBadge } from '../components/StateBadge';
import { ToggleButton } from '../components/ToggleButton';
import { useLocale } from '../i18n/useLocale';
import { costWhilePaused } from '../lib/costs';
import type { Row, Sort, SortKey } from './table-model';

export const ROW_HEIGHT = 48;
const HEADER_HEIGHT = 38;
const COLUMNS: { key: SortKey; width: string; numeric?: boolean }[] = [
  { key: 'state', width: '9.5rem' },
  { key: 'name', width: '' },
  { key: 'gpu', width: '9.5rem' },
  { key: 'util', width: '4.5rem', numeric: true },
  { key: 'burn', width: '6.5rem', numeric: true },
  { key: 'time', width: '8.5rem' },
  { key: 'pausedCost', width: '7rem', numeric: true },
  { key: 'label', width: '8.5rem' },
];

interface Props {
  rows: Row[];
  sort: Sort;
  onSort: (key: SortKey) => void;
  checked: ReadonlySet<number>;
  onCheck: (id: number, checked: boolean) => void;
  onCheckAll: (checked: boolean) => void;
  openId: number | null;
  onOpen: (id: number) => void;
  now: number;
}

export function InstanceTable({ rows, sort, onSort, checked, onCheck, onCheckAll, openId, onOpen, now }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const allRef = useRef<HTMLInputElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's getters are read during render by design; rows re-render on every scroll anyway.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const top = items.length ? (items[0]?.start ?? 0) - HEADER_HEIGHT : 0;
  const bottom = items.length ? virtualizer.getTotalSize() - ((items[items.length - 1]?.end ?? 0) - HEADER_HEIGHT) : 0;

  const checkedShown = rows.filter((row) => checked.has(row.instance.id)).length;
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = checkedShown > 0 && checkedShown < rows.length;
  }, [checkedShown, rows.length]);

  // Opening an instance from elsewhere (a notice, a deep link) scrolls it into view.
  useEffect(() => {
    if (openId === null) return;
    const index = rows.findIndex((row) => row.instance.id === openId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    // Only when the opened instance changes, not on every poll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openId]);

  return (
    <div className="table-scroll" ref={scrollRef}>
      <table className="fleet-table" aria-rowcount={rows.length + 1} aria-label={t('table.label')}>
        <colgroup>
          <col className="col-check" />
          {COLUMNS.map((column) => (
            <col key={column.key} style={column.width ? { width: column.width } : undefined} />
          ))}
          <col className="col-action" />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="cell-check">
              <input
                ref={allRef}
                type="checkbox"
                aria-label={t('table.selectAll')}
                checked={rows.length > 0 && checkedShown === rows.length}
                disabled={rows.length === 0}
                onChange={(event) => onCheckAll(event.target.checked)}
              />
            </th>
            {COLUMNS.map(({ key, numeric }) => (
              <th key={key} scope="col" className={numeric ? 'num' : undefined} aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                <button type="button" className="sort" onClick={() => onSort(key)}>
                  {t(`table.columns.${key}`)}
                  <span className="sort-arrow" aria-hidden="true">
                    {sort.key === key ? (sort.descending ? '▼' : '▲') : ''}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('table.columns.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {top > 0 ? (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={COLUMNS.length + 2} style={{ height: top }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <TableRow
                key={row.instance.id}
                index={item.index}
                instance={row.instance}
                state={row.state}
                checked={checked.has(row.instance.id)}
                open={openId === row.instance.id}
                onCheck={onCheck}
                onOpen={onOpen}
                now={now}
              />
            );
          })}
          {bottom > 0 ? (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={COLUMNS.length + 2} style={{ height: bottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  index: number;
  instance: Instance;
  state: DisplayState;
  checked: boolean;
  open: boolean;
  onCheck: (id: number, checked: boolean) => void;
  onOpen: (id: number) => void;
  now: number;
}

const TableRow = memo(function TableRow({ index, instance, state, checked, open, onCheck, onOpen, now }: RowProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pausedCost = costWhilePaused(instance, now);
  return (
    <tr aria-rowindex={index + 2} aria-current={open ? 'true' : undefined} className={open ? 'open' : undefined} data-instance={instance.id}>
      <td className="cell-check">
        <input type="checkbox" aria-label={t('table.select', { name: instance.name })} checked={checked} onChange={(event) => onCheck(instance.id, event.target.checked)} />
      </td>
      <td>
        <StateBadge state={state} />
      </td>
      <td className="cell-name">
        <button type="button" className="link-button" aria-expanded={open} onClick={() => onOpen(instance.id)}>
          {instance.name}
        </button>
        <span className="muted small">#{instance.id}</span>
      </td>
      <td className="truncate">{formatGpu(instance.gpu.name, instance.gpu.count)}</td>
      <td className="num">{instance.gpu.utilPercent === null ? '' : formatPercent(instance.gpu.utilPercent, locale)}</td>
      <td className="num">{formatPerHour(instance.price.burnPerHour, locale)}</td>
      <td className="truncate">
        <ElapsedText instance={instance} state={state} now={now} />
      </td>
      <td className="num">{pausedCost === null ? '' : formatMoney(pausedCost, locale)}</td>
      <td className="truncate" title={instance.label ?? undefined}>
        {instance.label ?? ''}
      </td>
      <td className="cell-action">
        <ToggleButton instance={instance} className="small" />
      </td>
    </tr>
  );
});
