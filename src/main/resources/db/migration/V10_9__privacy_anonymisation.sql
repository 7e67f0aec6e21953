-- The nightly anonymisation of citizens' personal data past its retention runs on one node at a time:
-- the node locks this row for the length of the run (see setup_lock).
insert into setup_lock (name) values ('privacy-anonymisation');
