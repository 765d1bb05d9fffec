import { DiagramItem, DriverDiagram, DriverDiagramEvent, kindOfLevel } from './driver-diagram';
import { ChangeIdeaProposed } from './events';

const NO_LINKS = { parentDriverIds: [], pdsaCycleIds: [], measureIds: [] };

/** The diagram after one of its events; a proposed change idea joins it, not yet placed under a driver. */
export function evolveDiagram(
  diagram: DriverDiagram,
  event: DriverDiagramEvent | ChangeIdeaProposed,
): DriverDiagram {
  const change = (id: string, update: Partial<DiagramItem>) => ({
    ...diagram,
    [id]: { ...diagram[id], ...update },
  });
  switch (event.type) {
    case 'ChangeIdeaProposed':
      return {
        ...diagram,
        [event.data.changeIdeaId]: {
          kind: 'ChangeIdea',
          text: event.data.description,
          retired: false,
          ...NO_LINKS,
        },
      };
    case 'DriverAdded': {
      const { driverId, level, text, parentDriverIds } = event.data;
      return {
        ...diagram,
        [driverId]: { kind: kindOfLevel(level), text, retired: false, ...NO_LINKS, parentDriverIds },
      };
    }
    case 'DriverDiagramItemReworded':
      return change(event.data.itemId, { text: event.data.text });
    case 'DriverDiagramItemRetired':
      return change(event.data.itemId, { retired: true });
    case 'DriverDiagramItemRelinked': {
      const { parentDriverIds, pdsaCycleIds, measureIds } = event.data;
      return change(event.data.itemId, { parentDriverIds, pdsaCycleIds, measureIds });
    }
  }
}

/** Every item under `id`, at any depth (its children, theirs, ...). */
export function descendantsOf(diagram: DriverDiagram, id: string): Set<string> {
  const found = new Set<string>();
  const visit = (parent: string) => {
    for (const [childId, item] of Object.entries(diagram)) {
      if (item.parentDriverIds.includes(parent) && !found.has(childId)) {
        found.add(childId);
        visit(childId);
      }
    }
  };
  visit(id);
  return found;
}
