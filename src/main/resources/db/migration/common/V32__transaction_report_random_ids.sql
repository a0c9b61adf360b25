-- Transaction ids are drawn at random with a check character (TransactionReportId), so the
-- per-year counter that made them sequential, and told every registrant how many reports all
-- others had filed, is gone. Ids issued from it stay valid.
DROP TABLE transaction_report_sequence;
