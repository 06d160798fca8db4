-- PostgreSQL translation of ../004_sample_clock.sql. bigint: an offset of months in ms passes 2^31.
ALTER TABLE sessions ADD COLUMN sample_clock_offset_ms bigint;
