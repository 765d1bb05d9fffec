import { IsInt, IsPositive, IsString, validate } from 'class-validator';
import { memoiseValidationMetadata } from '../../src/shared/validation-metadata-memo';

const rulesBroken = async (value: object) =>
  (await validate(value)).flatMap((error) =>
    Object.keys(error.constraints ?? {}).map((c) => `${error.property}:${c}`),
  );

describe('class-validator with its rules kept per class', () => {
  beforeAll(() => memoiseValidationMetadata());

  it('keeps validating by every rule a class has, inherited ones included, and by rules added later', async () => {
    class Counted {
      @IsInt()
      count!: number;
    }
    const counted = Object.assign(new Counted(), { count: -1.5 });
    expect(await rulesBroken(counted)).toEqual(['count:isInt']);
    // A rule registered after the class was validated (as a class defined later would register its own).
    IsPositive()(Counted.prototype, 'count');
    expect((await rulesBroken(counted)).sort()).toEqual(['count:isInt', 'count:isPositive']);
    class Named extends Counted {
      @IsString()
      name!: string;
    }
    expect((await rulesBroken(Object.assign(new Named(), { count: -1.5, name: 3 }))).sort()).toEqual([
      'count:isInt',
      'count:isPositive',
      'name:isString',
    ]);
    expect(await rulesBroken(Object.assign(new Counted(), { count: 2 }))).toEqual([]);
  });
});
