// The data folder of the server that answers: a managed instance's is its own home's, so this tells
// whether the server on the configured port is that instance (graph/server.py).
SHOW SETTINGS YIELD name, value
WHERE name = 'server.directories.data'
RETURN value AS data_directory
