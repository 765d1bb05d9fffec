import {
  IsInt,
  IsPositive,
  IsString,
  Validate,
  validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { hasAsyncConstraints, memoiseValidationMetadata } from '../../src/shared/validation-metadata-memo';
import { validateDto } from '../../src/shared/validation/validate-dto';

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

describe('validateDto runs synchronously while no rule is asynchronous', () => {
  it('applies an asynchronous rule registered later, which a synchronous run would skip', async () => {
    class Plain {
      @IsInt()
      count!: number;
    }
    expect(hasAsyncConstraints()).toBe(false);
    await expect(validateDto(Plain, { count: 1.5 })).rejects.toMatchObject({ status: 400 });
    expect(await validateDto(Plain, { count: 2 })).toEqual(Object.assign(new Plain(), { count: 2 }));

    @ValidatorConstraint({ name: 'slowlyEven', async: true })
    class SlowlyEven implements ValidatorConstraintInterface {
      async validate(value: unknown): Promise<boolean> {
        await new Promise((resolve) => setImmediate(resolve));
        return typeof value === 'number' && value % 2 === 0;
      }
      defaultMessage(): string {
        return 'count must be even';
      }
    }
    class Checked {
      @IsInt()
      @Validate(SlowlyEven)
      count!: number;
    }
    expect(hasAsyncConstraints()).toBe(true);
    await expect(validateDto(Checked, { count: 3 })).rejects.toMatchObject({ status: 400 });
    expect(await validateDto(Checked, { count: 4 })).toEqual(Object.assign(new Checked(), { count: 4 }));
  });
});
