// Fleet burn, credit and runway: the three numbers that say whether money is leaking.
import { useTranslation } from 'react-i18next';
import { formatMoney, formatPerHour, formatRunway } from '../../../preload/format';
import type { FleetMoney } from '../../../preload/models';
import { useLocale } from '../i18n/useLocale';

export function MoneySummary({ money, lowRunwayHours }: { money: FleetMoney; lowRunwayHours?: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const low = money.runwayHours !== null && lowRunwayHours !== undefined && money.runwayHours < lowRunwayHours;
  return (
    <dl className="money">
      <div>
        <dt>{t('money.burn')}</dt>
        <dd>{formatPerHour(money.burnPerHour, locale)}</dd>
      </div>
      <div>
        <dt>{t('money.credit')}</dt>
        <dd>{money.credit === null ? t('common.none') : formatMoney(money.credit, locale)}</dd>
      </div>
      <div className={low ? 'low' : undefined}>
        <dt>{t('money.runway')}</dt>
        <dd>{money.runwayHours === null ? t('common.none') : formatRunway(money.runwayHours, locale)}</dd>
      </div>
    </dl>
  );
}
