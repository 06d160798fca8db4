-- PostgreSQL translation of ../007_spotlight.sql.
ALTER TABLE sessions ADD COLUMN spotlight text;
