// The instances view: filter, bulk actions, the table and the details of the open instance.
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions } from '../app/actions-context';
import { useNow } from '../app/useNow';
import { useVast } from '../app/vast-context';
import { isInFlight, toggleActionOf } from '../lib/instances';
import { DetailsPanel } from './DetailsPanel';
import { InstanceTable } from './InstanceTable';
import { defaultDescending, filterRows, sortRows, type GroupFilter, type Sort, type SortKey } from './table-model';

interface Props {
  openId: number | null;
  onOpen: (id: number | null) => void;
}

export function FleetView({ openId, onOpen }: Props) {
  const { t } = useTranslation();
  const { snapshot } = useVast();
  const actions = useActions();
  const now = useNow();
  const [text, setText] = useState('');
  const [group, setGroup] = useState<GroupFilter>('all');
  const [sort, setSort] = useState<Sort>({ key: 'state', descending: false });
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const searchId = useId();
  const groupId = useId();

  const { stateOf } = actions;
  const all = useMemo(() => snapshot.instances.map((instance) => ({ instance, state: stateOf(instance) })), [snapshot.instances, stateOf]);
  const rows = useMemo(() => sortRows(filterRows(all, text, group), sort, now), [all, text, group, sort, now]);

  // Bulk actions work on the checked rows that are still in the fleet (and still shown).
  const chosen = useMemo(() => rows.filter((row) => checked.has(row.instance.id)), [rows, checked]);
  const bulk = useMemo(() => {
    const ready = chosen.filter((row) => !isInFlight(row.state) && !actions.isBusy(row.instance));
    return {
      pause: ready.filter((row) => toggleActionOf(row.instance, row.state) === 'pause').map((row) => row.instance),
      resume: ready.filter((row) => toggleActionOf(row.instance, row.state) === 'resume').map((row) => row.instance),
    };
  }, [chosen, actions]);

  const onSort = useCallback((key: SortKey) => {
    setSort((current) => (current.key === key ? { key, descending: !current.descending } : { key, descending: defaultDescending(key) }));
  }, []);
  const onCheck = useCallback((id: number, on: boolean) => {
    setChecked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const onCheckAll = (on: boolean) => setChecked(on ? new Set(rows.map((row) => row.instance.id)) : new Set());
  const runBulk = (kind: 'pause' | 'resume') => {
    void actions.runMany(kind, kind === 'pause' ? bulk.pause : bulk.resume);
    setChecked(new Set());
  };

  const open = openId === null ? null : (snapshot.instances.find((instance) => instance.id === openId) ?? null);
  const empty = snapshot.instances.length === 0;

  return (
    <div className={`fleet ${open ? 'with-details' : ''}`}>
      <div className="fleet-main">
        <div className="toolbar" role="search">
          <label htmlFor={searchId} className="visually-hidden">
            {t('table.filter')}
          </label>
          <input
            id={searchId}
            className="input search"
            type="search"
            placeholder={t('table.filterPlaceholder')}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <label htmlFor={groupId} className="visually-hidden">
            {t('table.group')}
          </label>
          <select id={groupId} className="input" value={group} onChange={(event) => setGroup(event.target.value as GroupFilter)}>
            <option value="all">{t('table.groups.all')}</option>
            <option value="running">{t('popover.sections.running')}</option>
            <option value="attention">{t('popover.sections.attention')}</option>
            <option value="paused">{t('popover.sections.paused')}</option>
          </select>
          <span className="muted" aria-live="polite">
            {t('table.count', { shown: rows.length, count: snapshot.instances.length })}
          </span>
        </div>
        {chosen.length > 0 ? (
          <div className="bulk-bar" role="region" aria-label={t('table.bulk.label')}>
            <span>{t('table.bulk.selected', { count: chosen.length })}</span>
            <button type="button" className="button" disabled={bulk.pause.length === 0} onClick={() => runBulk('pause')}>
              {t('table.bulk.pause', { count: bulk.pause.length })}
            </button>
            <button type="button" className="button" disabled={bulk.resume.length === 0} onClick={() => runBulk('resume')}>
              {t('table.bulk.resume', { count: bulk.resume.length })}
            </button>
            <button type="button" className="button ghost" onClick={() => setChecked(new Set())}>
              {t('table.bulk.clear')}
            </button>
          </div>
        ) : null}
        {empty ? (
          snapshot.connection.status === 'ok' ? (
            <div className="empty">
              <p>{t('fleet.empty')}</p>
              <p className="muted">{t('fleet.emptyHint')}</p>
            </div>
          ) : null
        ) : rows.length === 0 ? (
          <p className="empty">{t('table.noMatch')}</p>
        ) : (
          <InstanceTable
            rows={rows}
            sort={sort}
            onSort={onSort}
            checked={checked}
            onCheck={onCheck}
            onCheckAll={onCheckAll}
            openId={openId}
            onOpen={onOpen}
            now={now}
          />
        )}
      </div>
      {open ? <DetailsPanel instance={open} now={now} onClose={() => onOpen(null)} /> : null}
    </div>
  );
}
