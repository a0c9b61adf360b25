-- Failed sign-ins are limited in memory, per name and per source address, before an account is
-- looked up; a stored lockout would answer differently for a name that exists.
ALTER TABLE app_user DROP COLUMN failed_logins;
ALTER TABLE app_user DROP COLUMN locked_until;
