-- Until now a cleared red flag lost its citations but kept its focus (a phone number, an e-mail
-- address, a party's id): once one of its sources was no longer readable by the agency, nothing
-- could tell, and the value stayed. Cleared flags now keep their citations (never shown) so that
-- they are withdrawn when one is lost. Flags cleared before this version cannot be checked, so they
-- are withdrawn now: they keep their rule, times and review decision, and lose focus and note.
UPDATE red_flag
   SET focus = 'withdrawn:' || id,
       note = NULL
 WHERE status = 'CLEARED'
   AND focus NOT LIKE 'withdrawn:%'
   AND NOT EXISTS (SELECT 1 FROM red_flag_citation c WHERE c.red_flag_id = red_flag.id);
