-- The holder kept beside each item (V75) is the item's holder: a transaction that changes one without
-- the other is refused when it commits. The check looks machine_holder up by its unique pair and
-- needs no index on machine.current_holder, so a sale stays a heap-only update.
ALTER TABLE machine
  ADD CONSTRAINT machine_holder_agrees FOREIGN KEY (id, current_holder)
  REFERENCES machine_holder (machine_id, holder_id) DEFERRABLE INITIALLY DEFERRED;

-- The holder's items are found through machine_holder. No statement filters items by owning agency
-- alone: the access filter names it in an OR with the marking, which this index cannot answer.
-- Registrants and agencies are never deleted, so their foreign keys need no index here either.
DROP INDEX machine_by_holder;
DROP INDEX machine_by_owner;

-- Room on each page for the next version of its rows, which a heap-only update must find on the
-- same page. Rows written from now on leave 15 % of their page free.
ALTER TABLE machine SET (fillfactor = 85);
