import { replaceSection } from './reliability-doc';

describe('the reliability doc', () => {
  const doc = ['# Reliability', '<!-- crash-soak:full:start -->', 'old figures', '<!-- crash-soak:full:end -->', 'kept'].join('\n');

  it("replaces only the run's own section, keeping its markers and everything around it", () => {
    expect(replaceSection(doc, 'crash-soak:full', 'new figures')).toBe(
      ['# Reliability', '<!-- crash-soak:full:start -->', 'new figures', '<!-- crash-soak:full:end -->', 'kept'].join('\n'),
    );
  });

  it('says which markers it needs when the doc has none', () => {
    expect(() => replaceSection(doc, 'crash-soak:short', 'x')).toThrow('<!-- crash-soak:short:start -->');
  });
});
