import type { DistrictPolicy } from '../../shared/model/district-policy';
import type { Resource } from '../../shared/model/resource';
import type { UnitContext } from '../../shared/model/unit-context';
import type { Cart } from '../data/db';
import { CartActions } from './CartActions';
import { CartPanel } from './CartPanel';

/** A unit's cart with what can be done with it; shared by the overlay and the side panel. */
export function UnitCart(props: {
  context: UnitContext;
  cart: Cart | null;
  resources: Resource[];
  policy?: DistrictPolicy;
  onRemove(id: string, title: string): void;
}) {
  const { context } = props;
  return (
    <CartPanel cart={props.cart} resources={props.resources} onRemove={props.onRemove}>
      {props.policy && (
        <CartActions
          lms={context.lms}
          unitKey={context.unitKey}
          unitTitle={context.unitTitle}
          resources={props.resources}
          policy={props.policy}
        />
      )}
    </CartPanel>
  );
}

export function SampleNotice() {
  return (
    <p class="notice">
      Sample catalog: real, public resources chosen by this project's curators, not yet reviewed by your district.
    </p>
  );
}
