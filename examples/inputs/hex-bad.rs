"de ad b"
