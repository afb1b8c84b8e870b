package colony

import "context"

// colonyCall resolves colony (a slug or UUID) and sends one call of ep,
// the colony's id filling the route's first placeholder and a.params the
// ones after it.
func colonyCall[T any](ctx context.Context, c *Client, ep *endpoint, colony string, a args, opts []CallOption) (*T, error) {
	id, err := c.colonies.resolve(ctx, ep.goName, colony)
	if err != nil {
		return nil, err
	}
	a.params = append([]string{id}, a.params...)
	return call[T](ctx, c, ep, a, opts)
}

// colonyCallNoResult is colonyCall for answers that carry nothing (204).
func colonyCallNoResult(ctx context.Context, c *Client, ep *endpoint, colony string, a args, opts []CallOption) error {
	id, err := c.colonies.resolve(ctx, ep.goName, colony)
	if err != nil {
		return err
	}
	a.params = append([]string{id}, a.params...)
	return callNoResult(ctx, c, ep, a, opts)
}

// colonyList is colonyCall for a list answer under one of K's keys.
func colonyList[T any, K listKeys](ctx context.Context, c *Client, ep *endpoint, colony string, opts []CallOption) ([]T, error) {
	l, err := colonyCall[keyedList[T, K]](ctx, c, ep, colony, args{}, opts)
	if err != nil {
		return nil, err
	}
	return l.Items, nil
}
