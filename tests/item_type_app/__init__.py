"""A test-only item type: a page model no app of the hub declares, registered by the tests that
prove every outlet serves a new type without an edit of its own (tests/items/)."""
