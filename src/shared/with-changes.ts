/** The store and other layers below the domain build objects the same way (see the domain's note). */
export { withChanges } from '../domain/shared/with-changes';
