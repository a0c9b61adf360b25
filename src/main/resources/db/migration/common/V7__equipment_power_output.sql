-- Whole machines carry how they are driven (manual or powered) and the maker's rated output per
-- hour; both stay null for parts and moulds and when the holder does not know them.
ALTER TABLE machine ADD COLUMN power VARCHAR(8);
ALTER TABLE machine ADD COLUMN rated_output_per_hour INTEGER;
ALTER TABLE machine ADD CONSTRAINT machine_power_valid CHECK (power IN ('MANUAL', 'POWERED'));
ALTER TABLE machine ADD CONSTRAINT machine_rated_output_positive CHECK (rated_output_per_hour > 0);
