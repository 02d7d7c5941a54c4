import keras

# ruleid: keras-unsafe-mode
keras.config.enable_unsafe_deserialization()
# ok: keras-unsafe-mode
model = keras.saving.load_model("model.keras")
