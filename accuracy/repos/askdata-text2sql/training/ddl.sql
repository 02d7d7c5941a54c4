CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name VARCHAR, country VARCHAR, created_at DATE);
CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers, ordered_at TIMESTAMP, status VARCHAR);
CREATE TABLE order_items (order_id INTEGER REFERENCES orders, sku VARCHAR, quantity INTEGER, unit_price DECIMAL(10,2));
