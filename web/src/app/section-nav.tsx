import { SECTION_HREFS, type Section } from './section';

const LABELS: Record<Section, string> = { calls: 'Calls', schedules: 'Recurring', 'do-not-call': 'Do not call', account: 'Account' };

/** Links to the sections the signed-in role may open, the current one marked. */
export function SectionNav({ sections, current }: { sections: Section[]; current: Section }) {
  return (
    <nav className="sections" aria-label="Sections">
      {sections.map((section) => (
        <a key={section} href={SECTION_HREFS[section]} aria-current={section === current ? 'page' : undefined}>
          {LABELS[section]}
        </a>
      ))}
    </nav>
  );
}
