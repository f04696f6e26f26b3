import { benchNumbers, freshNumbers } from './bench-numbers';

describe('the bench numbers', () => {
  it('numbers calls in the 555 exchange of an area code, then the next exchanges', () => {
    expect(benchNumbers('415', 2)).toEqual(['+14155550000', '+14155550001']);
    expect(benchNumbers('718', 2, 9_999)).toEqual(['+17185559999', '+17185560000']);
  });

  it('never gives one number twice, however many are asked for', () => {
    const numbers = [...benchNumbers('212', 150_000), ...benchNumbers('212', 1_000, 150_000)];
    expect(new Set(numbers).size).toBe(151_000);
  });

  it('refuses more numbers than its exchanges hold', () => {
    expect(() => benchNumbers('212', 1, 400_000)).toThrow('at most');
  });
});

describe('fresh numbers', () => {
  it('goes on where the last ones ended', () => {
    const take = freshNumbers('312');
    expect(take(2)).toEqual(['+13125550000', '+13125550001']);
    expect(take(1)).toEqual(['+13125550002']);
  });
});
