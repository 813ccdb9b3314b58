-- One database per service; no service reads another's.
CREATE DATABASE reviews;
CREATE DATABASE moderation;
CREATE DATABASE catalog;
