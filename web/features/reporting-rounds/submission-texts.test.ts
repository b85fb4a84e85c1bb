import { describe, expect, it } from 'vitest';
import { changesOf, textsOf } from './submission-texts';

describe("what a save of a unit's report sends", () => {
  const saved = textsOf({ narrative: 'Đã tổ chức 12 buổi đối thoại.', sections: { results: 'Kết quả', difficulties: '' } });

  it('is nothing when nothing changed but spaces at the ends', () => {
    expect(changesOf({ narrative: ' Đã tổ chức 12 buổi đối thoại. ', sections: { results: 'Kết quả ', difficulties: '' } }, saved)).toEqual({});
    expect(changesOf(textsOf({ narrative: null, sections: {} }), textsOf({ narrative: null, sections: {} }))).toEqual({});
  });

  it('is the summary alone when only the summary changed', () => {
    expect(changesOf({ ...saved, narrative: 'Đã tổ chức 13 buổi đối thoại.' }, saved)).toEqual({ narrative: 'Đã tổ chức 13 buổi đối thoại.' });
  });

  it('is every section when one was written, cleared or added', () => {
    const written = { ...saved, sections: { results: 'Kết quả', difficulties: 'Thiếu kinh phí' } };
    expect(changesOf(written, saved)).toEqual({ sections: { results: 'Kết quả', difficulties: 'Thiếu kinh phí' } });
    const cleared = { ...saved, sections: { results: '', difficulties: '' } };
    expect(changesOf(cleared, saved)).toEqual({ sections: { results: '', difficulties: '' } });
    const added = { ...saved, sections: { ...saved.sections, proposals: 'Đề nghị tập huấn' } };
    expect(changesOf(added, saved).sections).toEqual({ results: 'Kết quả', difficulties: '', proposals: 'Đề nghị tập huấn' });
  });
});
