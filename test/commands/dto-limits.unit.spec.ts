import { getMetadataStorage } from 'class-validator';
import { AGGREGATES } from '../../src/commands/catalogue';

/**
 * Every string a command accepts has a length limit and every array a size
 * limit, so no command can smuggle an unbounded value into the immutable log.
 */
describe('command DTOs bound every value', () => {
  const storage = getMetadataStorage();
  const commands = AGGREGATES.flatMap((aggregate) => aggregate.commands);

  function constraintsOf(target: new () => object): Map<string, Set<string>> {
    const byProperty = new Map<string, Set<string>>();
    for (const metadata of storage.getTargetValidationMetadatas(target, '', true, false)) {
      const names = byProperty.get(metadata.propertyName) ?? new Set<string>();
      names.add(metadata.name ?? metadata.type);
      byProperty.set(metadata.propertyName, names);
    }
    return byProperty;
  }

  /** Nested DTO classes reachable through @ValidateNested + @Type. */
  function nestedTypes(target: new () => object): Array<new () => object> {
    return storage
      .getTargetValidationMetadatas(target, '', true, false)
      .filter((m) => m.type === 'nestedValidation')
      .map((m) => {
        const type = Reflect.getMetadata('design:type', target.prototype, m.propertyName) as new () => object;
        return type;
      })
      .filter((type) => type !== Array && type !== Object);
  }

  it('has commands to check', () => {
    expect(commands.length).toBeGreaterThan(0);
  });

  it.each(commands.map((c) => [c.name, c.dto]))('%s', (_, dto) => {
    const pending: Array<new () => object> = [dto as new () => object];
    const problems: string[] = [];
    while (pending.length > 0) {
      const target = pending.pop() as new () => object;
      for (const [property, names] of constraintsOf(target)) {
        if (names.has('isString') && !names.has('maxLength') && !names.has('isIn') && !names.has('isUuid')) {
          problems.push(`${target.name}.${property}: string without @MaxLength`);
        }
        if (names.has('isArray') && !names.has('arrayMaxSize')) {
          problems.push(`${target.name}.${property}: array without @ArrayMaxSize`);
        }
        if ((names.has('isNumber') || names.has('isInt')) && !(names.has('max') || names.has('isIn'))) {
          problems.push(`${target.name}.${property}: number without @Max`);
        }
      }
      pending.push(...nestedTypes(target));
    }
    expect(problems).toEqual([]);
  });
});
