import { Link } from '@tanstack/react-router';
import Tag from 'antd/es/tag';
import Tooltip from 'antd/es/tooltip';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/use-format';
import type { SuccessionLink } from './units.api';
import { useKindName } from './use-kind-name';

/**
 * Predecessors or successors of a unit: which units, how (whole, part, unchanged), from when, and
 * where the link comes from when it is not the official lists' (inferred by the history's rule,
 * its fallback to be checked, or set by a system administrator).
 */
export function SuccessionList({ title, links }: { title: string; links: SuccessionLink[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kindName = useKindName();
  if (links.length === 0) return null;
  return (
    <section style={{ marginTop: 16 }}>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {title}
      </Typography.Title>
      <ul className="plain-list">
        {links.map((link) => (
          <li key={link.unit.id} data-testid="succession-link">
            <Link to="/units/$unitId" params={{ unitId: link.unit.id }}>
              {link.unit.name}
            </Link>{' '}
            <Typography.Text type="secondary">
              ({kindName(link.unit.kind)}) · {t(`units.succession.${link.kind}`)} · {t('units.effectiveFrom', { date: format.date(link.effective) })}
            </Typography.Text>
            {links.length > 1 && link.main && <Tag style={{ marginInlineStart: 8 }}>{t('units.mainSuccessor')}</Tag>}
            {link.basis !== 'official' && (
              <Tooltip title={t(`units.basisHelp.${link.basis}`)}>
                <Tag color={link.basis === 'ambiguous' ? 'orange' : link.basis === 'manual' ? 'blue' : undefined} style={{ marginInlineStart: 8 }}>
                  {t(`units.basis.${link.basis}`)}
                </Tag>
              </Tooltip>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
