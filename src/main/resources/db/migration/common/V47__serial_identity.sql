-- Serials are unique per make by their identity: the serial as stamped, in upper case, without
-- spaces, tabs and dashes (SerialNumber.identity()). The look-alike folded form (O/0, I/1, L/1,
-- S/5, B/8, Z/2, dots and slashes dropped) stays in serial_normalised for trace and for the warning
-- at registration, but no longer keeps ZQ-B1234 and ZQ-81234, or S100 and 5100, from both
-- registering.
--
-- This migration cannot fail on stored equipment. The new key is finer than the old one: two rows
-- with the same identity also had the same folded form, which the old constraint already refused,
-- so no stored pair can collide. Only a serial with non-ASCII letters could, in principle, upper-case
-- differently in SQL than it did when it was stored; such a row would keep its id appended after a
-- '#' (a character no serial may contain), so it stays unique and is never silently merged.
ALTER TABLE machine ADD COLUMN serial_key VARCHAR(110);

UPDATE machine
   SET serial_key = UPPER(REPLACE(REPLACE(REPLACE(serial_as_entered, ' ', ''), '-', ''), CHR(9), ''));

UPDATE machine
   SET serial_key = serial_key || '#' || id
 WHERE EXISTS (SELECT 1 FROM machine o
                WHERE o.make_key = machine.make_key
                  AND o.serial_key = machine.serial_key
                  AND o.id < machine.id);

ALTER TABLE machine ALTER COLUMN serial_key SET NOT NULL;

ALTER TABLE machine DROP CONSTRAINT machine_serial_unique_per_make;

ALTER TABLE machine ADD CONSTRAINT machine_serial_identity_per_make UNIQUE (make_key, serial_key);

-- The look-alike check at registration reads by make and folded serial.
CREATE INDEX machine_by_make_folded_serial ON machine (make_key, serial_normalised);
