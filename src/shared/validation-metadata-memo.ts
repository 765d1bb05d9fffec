import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

const MEMOISED = Symbol('validation metadata memoised');

interface ConstraintRegistry {
  constraintMetadatas: Map<unknown, Array<{ async: boolean }>>;
  addConstraintMetadata(metadata: { async: boolean }): void;
}

/** Known once asked, until a constraint is registered. */
let asyncConstraints: boolean | undefined;

/**
 * Whether any constraint class-validator knows validates asynchronously.
 * While none does, `validateSync` applies every rule `validate` would
 * (it skips only asynchronous ones) without a promise per body.
 */
export function hasAsyncConstraints(): boolean {
  memoiseValidationMetadata();
  if (asyncConstraints === undefined) {
    const registry = getMetadataStorage() as unknown as ConstraintRegistry;
    asyncConstraints = [...registry.constraintMetadatas.values()].some((list) => list.some((c) => c.async));
  }
  return asyncConstraints;
}

/**
 * class-validator derives a class's rules afresh on every validate, by
 * scanning every class it knows (some two hundred DTOs here): most of the
 * cost of validating a small body, paid for every row of an import. A
 * class's rules change only when a decorator registers another, which
 * empties the memo, so the memo always answers what the scan would.
 */
export function memoiseValidationMetadata(): void {
  const storage = getMetadataStorage() as ReturnType<typeof getMetadataStorage> & { [MEMOISED]?: true };
  if (storage[MEMOISED]) return;
  storage[MEMOISED] = true;
  const derive = storage.getTargetValidationMetadatas.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  type Target = Parameters<typeof derive>[0];
  let memo = new Map<Target, Map<string, ValidationMetadata[]>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const query =
      groups && groups.length > 0
        ? `${schema}\n${always}\n${strictGroups}\n${groups.join('\n')}`
        : `${schema}\n${always}\n${strictGroups}`;
    let byQuery = memo.get(target);
    if (!byQuery) memo.set(target, (byQuery = new Map()));
    let metadata = byQuery.get(query);
    if (!metadata) byQuery.set(query, (metadata = derive(target, schema, always, strictGroups, groups)));
    return metadata;
  };
  storage.addValidationMetadata = (metadata) => {
    memo = new Map();
    register(metadata);
  };
  const registry = storage as unknown as ConstraintRegistry;
  const addConstraint = registry.addConstraintMetadata.bind(storage);
  registry.addConstraintMetadata = (metadata) => {
    asyncConstraints = undefined;
    addConstraint(metadata);
  };
  // Grouped afresh on every validate too; the memo's lists are its keys, and a new rule makes new lists.
  const group = storage.groupByPropertyName.bind(storage);
  const grouped = new WeakMap<ValidationMetadata[], ReturnType<typeof group>>();
  storage.groupByPropertyName = (metadata) => {
    let byProperty = grouped.get(metadata);
    if (!byProperty) grouped.set(metadata, (byProperty = group(metadata)));
    return byProperty;
  };
}
