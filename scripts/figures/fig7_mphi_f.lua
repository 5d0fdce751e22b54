error("deliberate failure of the report test")
