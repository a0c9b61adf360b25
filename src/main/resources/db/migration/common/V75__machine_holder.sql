-- Who holds each item, kept beside it. A sale changes the item's holder and its owning agency; while
-- either column was indexed, PostgreSQL wrote the sale as a new version of the row with a new entry
-- in each of the table's nine indexes, the trigram index and the unique serial among them. With
-- neither indexed the sale is a heap-only update (HOT) of the item, and the holder's index lives
-- in this narrow table, whose update writes two index entries (docs/registry.md, "A sale rewrites
-- no index of the item"). Machines writes both tables in the same transaction; on PostgreSQL a
-- deferred foreign key refuses a commit in which they disagree, and the two indexes go (V76). H2
-- keeps them: it checks its foreign keys through them, and it has no heap-only updates to gain.
CREATE TABLE machine_holder (
  machine_id VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES machine (id),
  holder_id  VARCHAR(36) NOT NULL,
  CONSTRAINT machine_holder_pair UNIQUE (holder_id, machine_id)
);
INSERT INTO machine_holder (machine_id, holder_id) SELECT id, current_holder FROM machine;

